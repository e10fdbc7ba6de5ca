import type { Core } from '@strapi/strapi';
import { startAudioWorker, type AudioWorker } from '../audio/worker';
import { registerRadioListeners } from '../events';

/**
 * The radio's background work, owned in one place: the publish listeners (script generation, audio
 * requests) and the audio worker. The app starts it at bootstrap and stops it in `destroy`; `idle()`
 * lets a caller (a test, a graceful shutdown) wait until everything started so far has settled.
 */
const background = ({ strapi }: { strapi: Core.Strapi }) => {
  let worker: AudioWorker | undefined;
  let listeners: ReturnType<typeof registerRadioListeners> | undefined;

  return {
    /** Starts the audio worker and subscribes to publishes; call once, at bootstrap. */
    start() {
      if (worker) return;
      const audio = startAudioWorker(strapi);
      worker = audio;
      listeners = registerRadioListeners(strapi, () => audio.kick());
    },

    /** Generates the scripts a crash may have left missing (in the background, tracked by `idle()`). */
    catchUp() {
      listeners?.catchUp();
    },

    /**
     * Resolves once no listener work and no audio run is in progress. A listener's work may kick the
     * worker while the worker is being waited for, so both are checked again until both are quiet.
     */
    async idle() {
      for (;;) {
        await listeners?.idle();
        await worker?.idle();
        if (!listeners?.busy() && !worker?.busy()) return;
      }
    },

    /** Stops listening and rendering, waiting for the work in progress. */
    async stop() {
      await listeners?.stop();
      await worker?.stop();
      listeners = undefined;
      worker = undefined;
    },
  };
};

export default background;
