import { ZALO_CONTACTS_TABLE } from '../constants';
import { HIDDEN_PLUGIN_OPTIONS } from '../../../../../common/hidden-content-type';

/**
 * When a Zalo user last wrote to the OA (the webhook event's timestamp): Zalo accepts consultation
 * messages to a user only within 7 days of that. One row per user, whatever they wrote (feedback or
 * not), so a new message reopens the window for every answer still owed to them.
 */
export default {
  schema: {
    kind: 'collectionType',
    collectionName: ZALO_CONTACTS_TABLE,
    info: {
      singularName: 'zalo-contact',
      pluralName: 'zalo-contacts',
      displayName: 'Zalo contact',
      description: "When a Zalo user last wrote to the OA (for Zalo's 7-day answer window)",
    },
    options: { draftAndPublish: false },
    pluginOptions: HIDDEN_PLUGIN_OPTIONS,
    attributes: {
      userId: { type: 'string', required: true, private: true, maxLength: 64 },
      lastMessageAt: { type: 'datetime', required: true },
    },
    indexes: [{ name: 'notifications_zalo_contacts_user_unique', columns: ['user_id'], type: 'unique' }],
  },
};
