import { ENTRY_TABLE } from '../constants';
import { HIDDEN_PLUGIN_OPTIONS } from '../../../../../common/hidden-content-type';

/**
 * One sensitive action. Written only by the plugin's service (through the query engine); the
 * document service, the content manager and the query engine refuse every other write (see
 * ../guards.ts). Plain columns rather than relations: an entry outlives the admin user or document
 * it names, and deleting those must never touch it.
 */
export default {
  schema: {
    kind: 'collectionType',
    collectionName: ENTRY_TABLE,
    info: {
      singularName: 'entry',
      pluralName: 'entries',
      displayName: 'Audit trail entry',
      description: 'Who did which sensitive action, when, on what, from where (read-only)',
    },
    options: { draftAndPublish: false },
    pluginOptions: HIDDEN_PLUGIN_OPTIONS,
    attributes: {
      occurredAt: { type: 'datetime', required: true },
      action: { type: 'string', required: true },
      actorKind: { type: 'string', required: true },
      actorId: { type: 'integer' },
      actorEmail: { type: 'string' },
      actorName: { type: 'string' },
      subjectType: { type: 'string', required: true },
      subjectId: { type: 'string' },
      subjectLabel: { type: 'string' },
      details: { type: 'json' },
      ip: { type: 'string' },
      userAgent: { type: 'string' },
    },
    indexes: [
      { name: 'audit_trail_entries_occurred_at', columns: ['occurred_at'] },
      { name: 'audit_trail_entries_action', columns: ['action', 'occurred_at'] },
      { name: 'audit_trail_entries_actor', columns: ['actor_id', 'occurred_at'] },
    ],
  },
};
