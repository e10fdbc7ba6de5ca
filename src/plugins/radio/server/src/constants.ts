export const PLUGIN_ID = 'radio';
export const RADIO_SCRIPT_UID = 'api::radio-script.radio-script';
export const POLICY_UID = 'api::policy.policy';
/** Emitted when an editor asks for audio, so the app's audio worker starts without waiting for its timer. */
export const AUDIO_REQUESTED_EVENT = 'radio.audio-requested';

export const CM_ACTIONS = {
  read: 'plugin::content-manager.explorer.read',
  update: 'plugin::content-manager.explorer.update',
} as const;
