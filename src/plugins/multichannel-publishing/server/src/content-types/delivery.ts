import { DELIVERIES_TABLE, DELIVERY_STATUSES } from '../constants';
import { HIDDEN_PLUGIN_OPTIONS } from '../../../../../common/hidden-content-type';

/** One publication event on one channel: the outbox row the dispatcher claims, sends and records. */
export default {
  schema: {
    kind: 'collectionType',
    collectionName: DELIVERIES_TABLE,
    info: {
      singularName: 'delivery',
      pluralName: 'deliveries',
      displayName: 'Delivery',
      description: 'A publication event on one channel, with its attempts and outcome',
    },
    options: { draftAndPublish: false },
    pluginOptions: HIDDEN_PLUGIN_OPTIONS,
    attributes: {
      // Plain columns rather than a relation: the outbox queries join them directly.
      eventId: { type: 'integer', required: true },
      eventSequence: { type: 'integer', required: true },
      targetUid: { type: 'string', required: true },
      targetDocumentId: { type: 'string', required: true },
      targetLocale: { type: 'string' },
      channel: { type: 'string', required: true },
      status: { type: 'enumeration', enum: [...DELIVERY_STATUSES], default: 'pending', required: true },
      priority: { type: 'integer', default: 0 },
      attempts: { type: 'integer', default: 0 },
      nextAttemptAt: { type: 'datetime' },
      firstAttemptAt: { type: 'datetime' },
      lastAttemptAt: { type: 'datetime' },
      leaseExpiresAt: { type: 'datetime' },
      lockToken: { type: 'string' },
      workerId: { type: 'string' },
      lastError: { type: 'text' },
      lastStatusCode: { type: 'integer' },
      externalId: { type: 'string' },
      idempotencyKey: { type: 'string', required: true },
      deliveredAt: { type: 'datetime' },
      // Adapter progress kept between attempts (e.g. Zalo's article token before its id is known).
      checkpoint: { type: 'json' },
    },
    indexes: [
      { name: 'mcp_deliveries_idempotency_unique', columns: ['idempotency_key'], type: 'unique' },
      { name: 'mcp_deliveries_due', columns: ['status', 'next_attempt_at'] },
      { name: 'mcp_deliveries_document', columns: ['channel', 'target_uid', 'target_document_id', 'event_sequence'] },
      { name: 'mcp_deliveries_event', columns: ['event_id'] },
    ],
  },
};
