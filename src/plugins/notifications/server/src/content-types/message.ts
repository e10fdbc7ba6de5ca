import { NOTIFICATION_CHANNELS, NOTIFICATION_STATUSES } from '../../../../../common/notifications';
import { MESSAGES_TABLE } from '../constants';
import { HIDDEN_PLUGIN_OPTIONS } from '../../../../../common/hidden-content-type';

/** One message to one person on one channel: the outbox row the worker claims, sends and records. */
export default {
  schema: {
    kind: 'collectionType',
    collectionName: MESSAGES_TABLE,
    info: {
      singularName: 'notification',
      pluralName: 'notifications',
      displayName: 'Notification',
      description: 'A message to one person (e-mail or Zalo), with its attempts and outcome',
    },
    options: { draftAndPublish: false },
    pluginOptions: HIDDEN_PLUGIN_OPTIONS,
    attributes: {
      channel: { type: 'enumeration', enum: [...NOTIFICATION_CHANNELS], required: true },
      topic: { type: 'string', required: true },
      dedupeKey: { type: 'string', required: true },
      // An address or a Zalo user id, needed to retry; cleared once the message is final (sent, failed or skipped).
      recipient: { type: 'string', private: true },
      subject: { type: 'string' },
      body: { type: 'text' },
      subjectType: { type: 'string' },
      subjectDocumentId: { type: 'string' },
      status: { type: 'enumeration', enum: [...NOTIFICATION_STATUSES], default: 'pending', required: true },
      attempts: { type: 'integer', default: 0 },
      nextAttemptAt: { type: 'datetime' },
      firstAttemptAt: { type: 'datetime' },
      lastAttemptAt: { type: 'datetime' },
      leaseExpiresAt: { type: 'datetime' },
      lockToken: { type: 'string' },
      lastError: { type: 'text' },
      sentAt: { type: 'datetime' },
    },
    indexes: [
      { name: 'notifications_messages_dedupe_unique', columns: ['dedupe_key'], type: 'unique' },
      { name: 'notifications_messages_due', columns: ['status', 'next_attempt_at'] },
      { name: 'notifications_messages_subject', columns: ['subject_document_id'] },
    ],
  },
};
