import type { Core } from '@strapi/strapi';

/** Radio audio rendering (src/api/radio-script/audio). Every value has a default; `.env.example` lists them. */
const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  audio: {
    /** How often the background worker looks for queued audio; a publish or an admin request starts it at once. */
    pollIntervalMs: env.int('RADIO_AUDIO_POLL_MS', 5000),
  },
});

export default config;
