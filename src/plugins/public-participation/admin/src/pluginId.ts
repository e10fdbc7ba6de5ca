export const PLUGIN_ID = 'public-participation';

/** Translation key of this plugin (the keys in translations/*.json are prefixed with the plugin id). */
export const t = (key: string) => `${PLUGIN_ID}.${key}`;

export const FEEDBACK_UID = 'api::feedback.feedback';
export const CONSULTATION_DRAFT_UID = 'api::consultation-draft.consultation-draft';
export const READ_ACTION = `plugin::${PLUGIN_ID}.read`;
