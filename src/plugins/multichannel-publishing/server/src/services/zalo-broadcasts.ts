import type { Core, UID } from '@strapi/strapi';
import { conflictError, fieldError, forbiddenError, notFoundError } from '../../../../../common/errors';
import type { BroadcastBudgetView } from '../../../contracts';
import { ZALO_BROADCAST_CHANNEL } from '../channels/zalo-broadcast';
import { BROADCAST_TIME_ZONE, formatLocal, formatMinutes, localMonth, nextWindowOpening } from '../channels/zalo-broadcast/schedule';
import { parseBroadcastSettings } from '../channels/zalo-broadcast/settings';
import { zaloConfigSchema } from '../channels/zalo/oa-client';
import { countChannelSends } from '../queries/count-channel-sends';
import { findDelivery } from '../queries/find-delivery';
import { findEventDelivery } from '../queries/find-event-delivery';
import { findLatestEventRow } from '../queries/find-latest-event-row';
import { findPublishedVersions } from '../queries/find-published-versions';
import { insertDeliveries } from '../queries/insert-deliveries';
import { getPluginConfig } from '../utils/config';
import { mayReadDocument, type Ability } from '../utils/document-scope';
import { getService } from '../utils/get-service';
import { toDelivery, toJoinedEvent } from '../utils/delivery-rows';
import { presentDelivery, type PresentedDelivery } from '../utils/present';

export type BroadcastRequest = { uid: string; documentId: string; locale: string };

/**
 * Broadcasts of OA articles to the OA's followers, asked for by leaders: the request (checks, budget,
 * the queued `zalo-broadcast` delivery) and the month's budget. The sending itself is the
 * `zalo-broadcast` channel's, through the dispatcher.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => parseBroadcastSettings(getPluginConfig(strapi).channels[ZALO_BROADCAST_CHANNEL]);
  // Injected by tests (the sending window and the month depend on the time of day); Date otherwise.
  let clock: () => Date = () => new Date();

  const budget = async (now: Date): Promise<BroadcastBudgetView> => {
    const { monthlyLimit, window, hours } = settings();
    const month = localMonth(now);
    const { delivered, queued } = await countChannelSends(strapi.db.connection, { channel: ZALO_BROADCAST_CHANNEL, since: month.start, until: month.next });
    const used = delivered + queued;
    const nextMonthOpening = window ? nextWindowOpening(month.next, window) : month.next;
    return {
      month: month.key,
      limit: monthlyLimit,
      delivered,
      queued,
      used,
      remaining: Math.max(0, monthlyLimit - used),
      nextPossibleAt: used >= monthlyLimit ? nextMonthOpening.toISOString() : null,
      window: window ? `${formatMinutes(window.from)}–${formatMinutes(window.to)}` : hours,
      timeZone: BROADCAST_TIME_ZONE,
    };
  };

  return {
    /** The time broadcasts are scheduled by. */
    now(): Date {
      return clock();
    },

    /** Replaces the clock (tests); `null` puts the real one back. */
    useClock(next: (() => Date) | null): void {
      clock = next ?? (() => new Date());
    },

    /** This month's broadcasts (Asia/Ho_Chi_Minh): delivered, queued, and when the next is possible if spent. */
    budget(): Promise<BroadcastBudgetView> {
      return budget(clock());
    },

    /**
     * Queues the broadcast of a published document's Zalo article. 403 when `ability` may not read the
     * document; 409 when it is not published in that locale, has no Zalo article, Zalo is not set up,
     * the broadcast was already asked for this publication, or the month's budget is spent (with the
     * next possible date).
     */
    async request({ uid, documentId, locale }: BroadcastRequest, ability: Ability): Promise<PresentedDelivery> {
      const zalo = zaloConfigSchema.parse(getPluginConfig(strapi).channels.zalo ?? {});
      if (!zalo.contentTypes.includes(uid) || !(zalo.locales.length === 0 || zalo.locales.includes(locale))) {
        throw fieldError('uid', `uid and locale: Zalo broadcasts are for ${zalo.contentTypes.join(', ')} in ${zalo.locales.join(', ') || 'any locale'}`);
      }
      if (!strapi.getModel(uid as never)) throw notFoundError(`unknown content type ${uid}`);
      if (!(await mayReadDocument(strapi, ability, uid, documentId))) {
        throw forbiddenError('your role may not read this document: only those who may read it can broadcast it');
      }
      const adapter = getService(strapi, 'channels').get(ZALO_BROADCAST_CHANNEL);
      const description = adapter ? await adapter.describe() : null;
      if (!adapter || !description?.configComplete) {
        throw conflictError(`Zalo broadcasts are not set up: ${description?.problems.join(', ') || 'the channel is missing'}`, {
          reason: 'unconfigured',
          missing: description?.problems ?? [],
        });
      }
      const db = strapi.db.connection;
      const published = await findPublishedVersions(strapi, uid as never, documentId);
      if (!published.some((version) => (version.locale ?? null) === locale)) {
        throw conflictError('only a published document can be broadcast: publish it first', { reason: 'not-published' });
      }
      const event = await findLatestEventRow(db, { uid, documentId, locale });
      const article = event && event.type !== 'unpublished' ? await findEventDelivery(db, { eventId: event.id, channel: 'zalo' }) : null;
      if (!event || !article || article.status === 'skipped' || article.status === 'dead') {
        throw conflictError(`this publication has no Zalo article to broadcast${article ? ` (its Zalo delivery is ${article.status})` : ''}`, {
          reason: 'no-article',
        });
      }
      const idempotencyKey = `${ZALO_BROADCAST_CHANNEL}.${event.key}`;
      if (await findEventDelivery(db, { eventId: event.id, channel: ZALO_BROADCAST_CHANNEL })) {
        throw conflictError('a broadcast of this publication was already asked for: see its delivery', { reason: 'already-requested' });
      }
      const now = clock();
      const current = await budget(now);
      if (current.nextPossibleAt) {
        throw conflictError(
          `this month's Zalo broadcast budget is spent (${current.used} of ${current.limit}): the next broadcast is possible on ${formatLocal(new Date(current.nextPossibleAt))} (${BROADCAST_TIME_ZONE})`,
          { reason: 'budget-spent', limit: current.limit, used: current.used, nextPossibleAt: current.nextPossibleAt },
        );
      }
      await insertDeliveries(strapi, [
        {
          eventId: event.id,
          eventSequence: event.sequence,
          uid: uid as UID.ContentType,
          documentId,
          locale,
          channel: ZALO_BROADCAST_CHANNEL,
          status: 'pending',
          priority: 0,
          idempotencyKey,
          nextAttemptAt: new Date(),
          lastError: null,
        },
      ]);
      getService(strapi, 'dispatcher').kick();
      const created = await findEventDelivery(db, { eventId: event.id, channel: ZALO_BROADCAST_CHANNEL });
      const row = created ? await findDelivery(db, created.id) : undefined;
      if (!row) throw conflictError('the broadcast changed meanwhile; reload and try again');
      return presentDelivery(toDelivery(row), toJoinedEvent(strapi, row));
    },
  };
};
