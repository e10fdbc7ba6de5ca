export const PLUGIN_ID = 'multichannel-publishing';

const permission = (action: string) => [{ action: `plugin::${PLUGIN_ID}.${action}`, subject: null }];

/** The admin permissions the server checks on each route (see server/src/routes). */
export const PERMISSIONS = {
  read: permission('read'),
  retry: permission('retry'),
  broadcast: permission('broadcast'),
};

/** Zalo articles (and so their broadcasts) are Vietnamese policies. */
export const BROADCAST_UID = 'api::policy.policy';
export const BROADCAST_LOCALE = 'vi';

export { DELIVERY_STATUSES as STATUSES, type DeliveryStatus } from '../../contracts';

/** A translation key of this plugin (translations are registered prefixed with the plugin id). */
export const t = (key: string) => `${PLUGIN_ID}.${key}`;
