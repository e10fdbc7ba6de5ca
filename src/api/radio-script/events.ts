import { AsyncResource } from 'async_hooks';
import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE, POLICY_UID, RADIO_SCRIPT_UID } from '../../common/uids';
import { appService } from '../../lib/app-services';

/** Where the radio catch-up keeps its watermark (Strapi's core store) and how far before it it looks again. */
export const CATCH_UP_STORE = { name: 'radio', key: 'catch-up' } as const;
const CATCH_UP_MARGIN_MS = 10 * 60 * 1000;

type PublishEvent = { uid?: string; entry?: { documentId?: string; locale?: string | null } };

/**
 * Reacts to Strapi's own `entry.publish` (emitted after commit, whichever path published): a
 * published policy gets its Vietnamese radio-script draft; a published script gets its audio queued.
 * The work runs detached from the publishing request's async context (whose database transaction
 * is already finished) and is tracked so that `idle()` and `stop()` can wait for it. Failures are logged, never
 * thrown: publishing must not depend on radio.
 */
export const registerRadioListeners = (strapi: Core.Strapi, kickAudio: () => void) => {
  // Bound now, at bootstrap: calling it later runs the callback outside any request or transaction.
  const detached = AsyncResource.bind(<T>(fn: () => Promise<T>) => fn());
  const inFlight = new Set<Promise<unknown>>();
  let stopped = false;
  const service = () => appService(strapi, RADIO_SCRIPT_UID);

  const track = (label: string, work: () => Promise<unknown>) => {
    if (stopped) return;
    const promise = detached(work)
      .catch((error: Error) => strapi.log.error(`[radio] ${label}: ${error.message}`))
      .finally(() => inFlight.delete(promise));
    inFlight.add(promise);
  };

  strapi.eventHub.on('entry.publish', async (event: PublishEvent) => {
    const documentId = event.entry?.documentId;
    if (!documentId) return;
    if (event.uid === POLICY_UID && (event.entry?.locale ?? DEFAULT_LOCALE) === DEFAULT_LOCALE) {
      track(`script for policy ${documentId}`, () => service().generateFromPolicy(documentId));
    } else if (event.uid === RADIO_SCRIPT_UID) {
      track(`audio for script ${documentId}`, async () => {
        if ((await service().requestAudio(documentId, { onlyIfMissing: true })) > 0) kickAudio();
      });
    }
  });

  // The radio admin plugin asks for audio on demand: start rendering now rather than at the next tick.
  strapi.eventHub.on('radio.audio-requested', async () => {
    kickAudio();
  });

  return {
    /**
     * Catches up after a restart: a policy published while the process died before its script was
     * generated gets it now (generation is a no-op for versions that already have a script).
     *
     * Bounded by a watermark, not by the catalogue: only the policies published since the last
     * completed catch-up began (minus a margin) are looked at, so a restart of every node costs what
     * was published since, not one generation pass over every published policy (at 100,000 policies
     * that pass kept both nodes of the benchmark busy for minutes after each boot). Why it is enough:
     * a policy whose listener died was published (Strapi 5 re-stamps `publishedAt` on every publish)
     * after the previous catch-up's query, so after its start; the margin covers a publish whose
     * transaction began before that start and committed after the query. With no watermark yet (a
     * new install, or the first boot of this version) it looks at every published policy, once.
     */
    catchUp: () =>
      track('catch-up', async () => {
        const startedAt = new Date();
        const store = strapi.store({ type: 'app', name: CATCH_UP_STORE.name });
        const mark = (await store.get({ key: CATCH_UP_STORE.key })) as { startedAt?: string } | null;
        const since = mark?.startedAt ? new Date(new Date(mark.startedAt).getTime() - CATCH_UP_MARGIN_MS) : null;
        const policies = (await strapi.db.query(POLICY_UID).findMany({
          where: { locale: DEFAULT_LOCALE, publishedAt: since ? { $gte: since } : { $notNull: true } },
          select: ['documentId'],
          orderBy: { publishedAt: 'asc' },
        })) as Array<{ documentId: string }>;
        for (const { documentId } of policies) {
          if (stopped) return;
          await service().generateFromPolicy(documentId);
        }
        await store.set({ key: CATCH_UP_STORE.key, value: { startedAt: startedAt.toISOString(), policies: policies.length } });
      }),
    /** Resolves once every tracked piece of work has settled, including work started while waiting. */
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    /** Whether some tracked work has not settled yet. */
    busy: () => inFlight.size > 0,
    async stop() {
      stopped = true;
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
};
