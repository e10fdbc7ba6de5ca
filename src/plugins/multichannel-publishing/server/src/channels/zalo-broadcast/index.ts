import { countChannelSends } from '../../queries/count-channel-sends';
import { findEventDelivery } from '../../queries/find-event-delivery';
import type { EventType } from '../../constants';
import type { PublicationEvent } from '../../types';
import { getPluginConfig } from '../../utils/config';
import { getService } from '../../utils/get-service';
import { ChannelError, type ChannelAdapter, type ChannelFactory, type DeliveryContext, type SendResult } from '../types';
import { createZaloOaClient, zaloConfigSchema } from '../zalo/oa-client';
import { broadcastMessage, ZALO_BROADCAST_PATH } from './message';
import { BROADCAST_TIME_ZONE, formatLocal, formatMinutes, isInWindow, localMonth, nextWindowOpening } from './schedule';
import { parseBroadcastSettings } from './settings';

export const ZALO_BROADCAST_CHANNEL = 'zalo-broadcast';

type BroadcastRequest = { eventId: number; type: EventType };

/**
 * Broadcasts of OA articles to the OA's followers ("tin truyền thông"), on demand only: a leader asks
 * for one (`POST /broadcasts`), which queues a delivery of this channel for the document's latest
 * publication event; no publish creates one. The delivery waits, without spending attempts, for the
 * article's own Zalo delivery, for the daily sending window and for the month's budget; then it sends
 * the article (its Zalo id) as a media template. Same OA connection and token chain as the articles.
 */
export const zaloBroadcastChannel: ChannelFactory = {
  name: ZALO_BROADCAST_CHANNEL,
  create({ strapi, config: raw }) {
    const settings = parseBroadcastSettings(raw);
    const zaloConfig = zaloConfigSchema.parse(getPluginConfig(strapi).channels.zalo ?? {});
    const client = createZaloOaClient({ config: zaloConfig, state: getService(strapi, 'state').channelStore('zalo') });
    const clock = () => getService(strapi, 'zalo-broadcasts').now();

    /** Back to the queue without spending an attempt: looks again after `recheckMs` (sooner when `until` is sooner). */
    const wait = (reason: string, until?: Date): SendResult => {
      const delay = until ? Math.max(0, Math.min(settings.recheckMs, until.getTime() - clock().getTime())) : settings.recheckMs;
      return { outcome: 'deferred', until: new Date(Date.now() + delay), reason };
    };

    const adapter: ChannelAdapter<BroadcastRequest> = {
      name: ZALO_BROADCAST_CHANNEL,
      label: { vi: 'Zalo OA – tin truyền thông', en: 'Zalo OA broadcast' },
      onDemand: true,

      async describe() {
        const zalo = await client.describe();
        const problems = [...zalo.problems];
        if (!settings.window) problems.push('ZALO_BROADCAST_HOURS');
        if (!settings.cities) problems.push('ZALO_BROADCAST_CITIES');
        return { enabled: zalo.enabled, configComplete: zalo.enabled && problems.length === 0, problems };
      },

      accepts(event: PublicationEvent) {
        const localeOk = zaloConfig.locales.length === 0 || event.locale === null || zaloConfig.locales.includes(event.locale);
        return zaloConfig.contentTypes.includes(event.uid) && localeOk;
      },

      render(event: PublicationEvent): BroadcastRequest {
        return { eventId: event.id, type: event.type };
      },

      async send(request: BroadcastRequest, context: DeliveryContext): Promise<SendResult> {
        if (request.type === 'unpublished') return { outcome: 'skipped', reason: 'the document was withdrawn: nothing to broadcast' };
        const db = strapi.db.connection;
        const article = await findEventDelivery(db, { eventId: request.eventId, channel: 'zalo' });
        if (!article) throw new ChannelError('this publication has no Zalo article to broadcast', { retryable: false });
        if (article.status === 'dead' || article.status === 'skipped') {
          throw new ChannelError(`the Zalo article of this publication is ${article.status}: nothing to broadcast (publish again once it is fixed)`, {
            retryable: false,
          });
        }
        if (article.status !== 'delivered') return wait(`waiting for the Zalo article (its delivery is ${article.status})`);
        if (!article.externalId) throw new ChannelError('the Zalo article of this publication has no id', { retryable: false });

        const now = clock();
        const window = settings.window;
        if (!window) throw new ChannelError('ZALO_BROADCAST_HOURS is malformed', { retryable: true });
        if (!isInWindow(now, window)) {
          const opening = nextWindowOpening(now, window);
          return wait(
            `outside the sending window ${formatMinutes(window.from)}–${formatMinutes(window.to)} (${BROADCAST_TIME_ZONE}): waits until ${formatLocal(opening)}`,
            opening,
          );
        }
        const month = localMonth(now);
        const { delivered } = await countChannelSends(db, { channel: ZALO_BROADCAST_CHANNEL, since: month.start, until: month.next, excludeId: context.deliveryId });
        if (delivered >= settings.monthlyLimit) {
          const opening = nextWindowOpening(month.next, window);
          return wait(`this month's broadcast budget (${settings.monthlyLimit}) is spent: waits until ${formatLocal(opening)}`, opening);
        }

        const reply = await client.call('Zalo broadcast', ZALO_BROADCAST_PATH, broadcastMessage(article.externalId, settings.cities ?? []), {
          signal: context.signal,
        });
        const messageId = reply.data?.message_id;
        return { outcome: 'delivered', externalId: typeof messageId === 'string' || typeof messageId === 'number' ? String(messageId) : null };
      },
    };
    return adapter as ChannelAdapter;
  },
};
