export const PLUGIN_ID = 'agency-access';

/** Translation key of this plugin (the keys in translations/*.json are prefixed with the plugin id). */
export const t = (key: string) => `${PLUGIN_ID}.${key}`;

export const MANAGE_ACTION = `plugin::${PLUGIN_ID}.manage`;
