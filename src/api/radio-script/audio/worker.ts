import type { Core } from '@strapi/strapi';
import { RADIO_SCRIPT_UID } from '../../../common/uids';

type RadioService = { renderNextPending: () => Promise<boolean> };

/**
 * Renders queued radio audio outside any request: on a timer (`RADIO_AUDIO_POLL_MS`, default 5 s)
 * and right after a `kick()`. One render at a time per node; claims in the database keep nodes apart.
 * Returns the controls; `stop()` is called from the app's `destroy` so processes and tests exit cleanly.
 */
export const startAudioWorker = (strapi: Core.Strapi) => {
  const intervalMs = Number(process.env.RADIO_AUDIO_POLL_MS ?? 5000);
  let running = false;
  let stopped = false;
  let again = false;

  const drain = async () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      const service = strapi.service(RADIO_SCRIPT_UID) as unknown as RadioService;
      do {
        again = false;
        while (!stopped && (await service.renderNextPending())) {
          // keep draining while work is due
        }
      } while (again && !stopped);
    } catch (error) {
      strapi.log.error(`[radio] audio worker: ${(error as Error).message}`);
    } finally {
      running = false;
    }
  };

  const timer = setInterval(() => void drain(), intervalMs);
  timer.unref();
  let current: Promise<void> = Promise.resolve();
  return {
    kick: () => {
      current = drain();
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await current;
    },
  };
};
