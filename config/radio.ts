import type { Core } from '@strapi/strapi';

/** Speech providers SPEECH_PROVIDER accepts (src/api/radio-script/audio/provider.ts, SPEECH_PROVIDERS). */
const PROVIDERS = ['espeak-ng', 'fpt-ai'];
/** FPT.AI Text to Speech v5 (src/api/radio-script/audio/providers/fpt-ai.ts cites its contract). */
const FPT_AI_URL = 'https://api.fpt.ai/hmi/tts/v5';

/** Radio audio rendering (src/api/radio-script/audio). Every value has a default; `.env.example` lists them. */
const config = ({ env }: Core.Config.Shared.ConfigParams) => {
  const provider = env('SPEECH_PROVIDER', 'espeak-ng').trim() || 'espeak-ng';
  if (!PROVIDERS.includes(provider)) {
    throw new Error(`SPEECH_PROVIDER must be one of ${PROVIDERS.map((name) => `"${name}"`).join(', ')}, got "${provider}"`);
  }
  return {
    audio: {
      /** How often the background worker looks for queued audio; a publish or an admin request starts it at once. */
      pollIntervalMs: env.int('RADIO_AUDIO_POLL_MS', 5000),
    },
    /** Who speaks the scripts: espeak-ng on this server (default, offline) or a commercial Vietnamese voice. */
    speech: {
      provider,
      apiUrl: env('SPEECH_API_URL', provider === 'fpt-ai' ? FPT_AI_URL : ''),
      apiKey: env('SPEECH_API_KEY', ''),
      /** Empty: the provider's default (espeak-ng `vi`, FPT.AI `banmai`). */
      voice: env('SPEECH_VOICE', ''),
      /** An HTTP provider's own retries, per part of a script: attempts, and the backoff's first window. */
      maxAttempts: Math.max(1, env.int('SPEECH_MAX_ATTEMPTS', 4)),
      retryBaseMs: env.int('SPEECH_RETRY_BASE_MS', 5000),
      /** An asynchronous provider's download link: how often it is tried, and for how long per attempt. */
      pollIntervalMs: env.int('SPEECH_POLL_MS', 2000),
      pollTimeoutMs: env.int('SPEECH_POLL_TIMEOUT_MS', 180_000),
      requestTimeoutMs: env.int('SPEECH_TIMEOUT_MS', 30_000),
    },
  };
};

export default config;
