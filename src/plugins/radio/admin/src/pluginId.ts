export const PLUGIN_ID = 'radio';
export const RADIO_SCRIPT_UID = 'api::radio-script.radio-script';
export const POLICY_UID = 'api::policy.policy';

/** Translation key of this plugin. */
export const t = (key: string) => `${PLUGIN_ID}.${key}`;
