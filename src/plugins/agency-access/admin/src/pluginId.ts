export const PLUGIN_ID = 'agency-access';

/** Translation key of this plugin (the keys in translations/*.json are prefixed with the plugin id). */
export const t = (key: string) => `${PLUGIN_ID}.${key}`;

export const MANAGE_ACTION = `plugin::${PLUGIN_ID}.manage`;

/** The permission the server checks on the membership routes (super admins hold it). */
export const MANAGE_PERMISSIONS = [{ action: MANAGE_ACTION, subject: null }];

/** The content type whose edit view shows the Members panel. */
export const AGENCY_UID = 'api::agency.agency';
