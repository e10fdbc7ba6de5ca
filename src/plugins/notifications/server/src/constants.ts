import { NOTIFICATION_UID, NOTIFICATIONS_PLUGIN, ZALO_CONTACT_UID } from '../../../../common/notifications';

export const PLUGIN_ID = NOTIFICATIONS_PLUGIN;
export const MESSAGE_UID = NOTIFICATION_UID;
export const MESSAGES_TABLE = 'notifications_messages';
export const ZALO_CONTACTS_UID = ZALO_CONTACT_UID;
export const PREFERENCE_UID = 'plugin::notifications.preference' as const;
export const PREFERENCES_TABLE = 'notifications_preferences';
/** Reason recorded when an admin user switched their e-mails off. */
export const SWITCHED_OFF_REASON = 'switched off by the recipient';
export const ZALO_CONTACTS_TABLE = 'notifications_zalo_contacts';
/** Zalo's consultation-message endpoint (an answer to a user who wrote to the OA). */
export const ZALO_CS_PATH = '/v3.0/oa/message/cs';

/** Admin permission of the plugin; the super admin has every permission, no other role is given it. */
export const ACTIONS = {
  read: `plugin::${PLUGIN_ID}.read`,
} as const;

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;
export const MAX_ERROR_LENGTH = 500;
export const MAX_SUBJECT_LENGTH = 255;

export const PLUGIN_OWNED_PREFERENCES_MESSAGE = 'Notification preferences are written by the notifications plugin only; each admin user reads and changes their own at GET/PUT /notifications/preferences';
export const PLUGIN_OWNED_MESSAGE = 'Notifications are written by the notifications plugin only; super admins read them at GET /notifications/messages';
