import { EVENT_SOURCES, EVENT_TYPES, EVENTS_TABLE } from '../constants';
import { HIDDEN_PLUGIN_OPTIONS } from '../../../../../common/hidden-content-type';

/** One publish, re-publish or unpublish of one locale of a covered document: the spine of every channel. */
export default {
  schema: {
    kind: 'collectionType',
    collectionName: EVENTS_TABLE,
    info: {
      singularName: 'publication-event',
      pluralName: 'publication-events',
      displayName: 'Publication event',
      description: 'A publish, re-publish or unpublish of a covered document, with a sanitized snapshot',
    },
    options: { draftAndPublish: false },
    pluginOptions: HIDDEN_PLUGIN_OPTIONS,
    attributes: {
      // Assigned under a row lock in the publishing transaction, so it grows in commit order.
      sequence: { type: 'integer', required: true },
      type: { type: 'enumeration', enum: [...EVENT_TYPES], required: true },
      targetUid: { type: 'string', required: true },
      targetDocumentId: { type: 'string', required: true },
      targetLocale: { type: 'string' },
      // Id of the published row (or of the row an unpublish removed): a publish always makes a new row.
      entryId: { type: 'integer', required: true },
      occurredAt: { type: 'datetime', required: true },
      snapshot: { type: 'json' },
      recordedBy: { type: 'enumeration', enum: [...EVENT_SOURCES], default: 'transaction' },
      // An `unpublished` event whose document row is gone in that locale (a delete, not an unpublish):
      // channels withdraw it the same way, the public change feed says `deleted`.
      deleted: { type: 'boolean', default: false },
      // 0 for the event of the write that made the row; 1, 2… for later `updated` events of the same row,
      // recorded when its distributed content changed without a publish (a radio script's audio rendered).
      revision: { type: 'integer', default: 0 },
    },
    indexes: [
      { name: 'mcp_events_sequence_unique', columns: ['sequence'], type: 'unique' },
      { name: 'mcp_events_entry_unique', columns: ['target_uid', 'entry_id', 'type', 'revision'], type: 'unique' },
      { name: 'mcp_events_document', columns: ['target_uid', 'target_document_id', 'target_locale', 'sequence'] },
    ],
  },
};
