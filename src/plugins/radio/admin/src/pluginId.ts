export const PLUGIN_ID = 'radio';
export { POLICY_UID, RADIO_SCRIPT_UID } from '../../../../common/uids';

/** Translation key of this plugin. */
export const t = (key: string) => `${PLUGIN_ID}.${key}`;
