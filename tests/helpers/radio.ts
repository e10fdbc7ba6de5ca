import type { Core } from '@strapi/strapi';
import { appService } from '../../src/lib/app-services';

type EntryEvent = { uid?: string; entry?: { documentId?: string } };

/** Resolves once every piece of radio background work started so far (generation, audio) has settled. */
export const radioIdle = (strapi: Core.Strapi): Promise<void> => appService(strapi, 'api::radio-script.background').idle();

/**
 * Runs `action`, waits until Strapi has emitted `event` (e.g. `entry.publish`, sent after commit and
 * not awaited by the document service) for `documentId`, then waits for the radio's background work.
 * The radio's listeners were registered at bootstrap, before this one, so by the time this one hears
 * the event they have already started (and tracked) whatever they do about it.
 */
export const afterRadioReacts = async (
  strapi: Core.Strapi,
  { event, uid, documentId }: { event: string; uid: string; documentId?: string },
  action: () => Promise<unknown>,
): Promise<void> => {
  let resolveSeen: (id: string) => void = () => undefined;
  const seen = new Promise<string>((resolve) => {
    resolveSeen = resolve;
  });
  const off = strapi.eventHub.on(event, async (payload: EntryEvent) => {
    if (payload.uid !== uid || !payload.entry?.documentId) return;
    if (documentId && payload.entry.documentId !== documentId) return;
    resolveSeen(payload.entry.documentId);
  });
  try {
    await action();
    await seen;
  } finally {
    off();
  }
  await radioIdle(strapi);
};
