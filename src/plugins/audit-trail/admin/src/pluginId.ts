export const PLUGIN_ID = 'audit-trail';

/** Translation key of this plugin (the keys in translations/*.json are prefixed with the plugin id). */
export const t = (key: string) => `${PLUGIN_ID}.${key}`;

export const READ_ACTION = `plugin::${PLUGIN_ID}.read`;
