import { STATE_TABLE } from '../constants';
import { HIDDEN_PLUGIN_OPTIONS } from '../../../../../common/hidden-content-type';

/**
 * Small durable state shared by all nodes: the event sequence counter and each channel's state
 * (Zalo's rotated refresh token, encrypted, and the lease that serialises token refreshes).
 */
export default {
  schema: {
    kind: 'collectionType',
    collectionName: STATE_TABLE,
    info: {
      singularName: 'state',
      pluralName: 'states',
      displayName: 'Publishing state',
      description: 'Event sequence counter and channel state (secrets encrypted with ENCRYPTION_KEY)',
    },
    options: { draftAndPublish: false },
    pluginOptions: HIDDEN_PLUGIN_OPTIONS,
    attributes: {
      key: { type: 'string', required: true },
      counter: { type: 'integer', default: 0 },
      value: { type: 'json' },
      secret: { type: 'text' },
      leaseToken: { type: 'string' },
      leaseExpiresAt: { type: 'datetime' },
    },
    indexes: [{ name: 'mcp_state_key_unique', columns: ['key'], type: 'unique' }],
  },
};
