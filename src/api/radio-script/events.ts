import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE, POLICY_UID, RADIO_SCRIPT_UID } from '../../lib/uids';

type PublishEvent = { uid?: string; entry?: { documentId?: string; locale?: string | null } };
type RadioService = {
  generateFromPolicy: (documentId: string) => Promise<unknown>;
  requestAudio: (documentId: string, options?: { onlyIfMissing?: boolean }) => Promise<number>;
};

/**
 * Reacts to Strapi's own `entry.publish` (emitted after commit, whichever path published): a
 * published policy gets its Vietnamese radio-script draft; a published script gets its audio queued.
 * Failures are logged, never thrown: publishing must not depend on radio.
 */
export const registerRadioListeners = (strapi: Core.Strapi, kickAudio: () => void): void => {
  strapi.eventHub.on('entry.publish', async (event: PublishEvent) => {
    const documentId = event.entry?.documentId;
    if (!documentId) return;
    const service = strapi.service(RADIO_SCRIPT_UID) as unknown as RadioService;
    try {
      if (event.uid === POLICY_UID && (event.entry?.locale ?? DEFAULT_LOCALE) === DEFAULT_LOCALE) {
        await service.generateFromPolicy(documentId);
      } else if (event.uid === RADIO_SCRIPT_UID) {
        if ((await service.requestAudio(documentId, { onlyIfMissing: true })) > 0) kickAudio();
      }
    } catch (error) {
      strapi.log.error(`[radio] after publish of ${event.uid} ${documentId}: ${(error as Error).message}`);
    }
  });
};
