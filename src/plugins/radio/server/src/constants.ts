export const PLUGIN_ID = 'radio' as const;

/** Emitted when an editor asks for audio, so the app's audio worker starts without waiting for its timer. */
export const AUDIO_REQUESTED_EVENT = 'radio.audio-requested';
