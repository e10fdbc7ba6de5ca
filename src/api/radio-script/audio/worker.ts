import type { Core } from '@strapi/strapi';
import { appService } from '../../../lib/app-services';
import { RADIO_SCRIPT_UID } from '../../../common/uids';

export type AudioWorker = {
  /** Starts rendering now; a kick during a run makes that run look once more before it ends. */
  kick: () => void;
  /** Resolves once no render run is in progress (a run started while waiting is waited for too). */
  idle: () => Promise<void>;
  /** Whether a render run is in progress now. */
  busy: () => boolean;
  /** Stops the timer, refuses new runs and waits for the current one. */
  stop: () => Promise<void>;
};

/**
 * Renders queued radio audio outside any request: on a timer (`radio.audio.pollIntervalMs`,
 * config/radio.ts) and right after a `kick()`. One run at a time per node; claims in the database keep
 * nodes apart. `stop()` is called from the app's `destroy` so processes and tests exit cleanly.
 */
export const startAudioWorker = (strapi: Core.Strapi): AudioWorker => {
  const intervalMs = strapi.config.get<number>('radio.audio.pollIntervalMs', 5000);
  let stopped = false;
  // Work may have been queued after the running loop last looked: it must look again before ending.
  let again = false;
  let run: Promise<void> | null = null;

  const loop = async () => {
    const service = appService(strapi, RADIO_SCRIPT_UID);
    do {
      again = false;
      try {
        while (!stopped && (await service.renderNextPending())) {
          // keep draining while work is due
        }
      } catch (error) {
        // One failed claim must not lose a kick that arrived meanwhile; the timer retries the rest.
        strapi.log.error(`[radio] audio worker: ${(error as Error).message}`);
      }
    } while (again && !stopped);
  };

  const drain = () => {
    if (stopped) return;
    if (run) {
      again = true;
      return;
    }
    run = loop().finally(() => {
      run = null;
    });
  };

  const idle = async () => {
    while (run) await run;
  };

  const timer = setInterval(drain, intervalMs);
  timer.unref();
  return {
    kick: drain,
    idle,
    busy: () => run !== null,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await idle();
    },
  };
};
