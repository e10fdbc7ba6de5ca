import { z } from 'zod';
import { errorText } from '../../utils/errors';
import { isHttpUrl, post, retryAfterOf } from '../../utils/http';
import type { PublicationEvent } from '../../types';
import { ChannelError, type ChannelAdapter, type ChannelFactory, type DeliveryContext, type SendResult } from '../types';
import { portalPayload } from './payload';
import { isWebhookSecret, signWebhook } from './signature';

const optionalText = z.preprocess((value) => (value === '' ? undefined : value), z.string().nullish());

const configSchema = z.object({
  url: optionalText,
  secret: optionalText,
  timeoutMs: z.number().int().min(1).default(10_000),
  entryUrlTemplate: optionalText,
  /** Content types sent to the portal; empty = every covered content type. */
  contentTypes: z.array(z.string()).default([]),
});

type PortalRequest = { url: string; body: string };

/**
 * The provincial web portal: a JSON webhook signed per Standard Webhooks. 2xx = delivered;
 * 410 = the portal dropped this webhook for good; 429, 5xx, timeouts and network errors = retry;
 * any other 4xx = dead, with the portal's answer kept in `lastError`.
 */
export const portalChannel: ChannelFactory = {
  name: 'portal',
  create({ config: raw }) {
    const config = configSchema.parse(raw);
    const adapter: ChannelAdapter<PortalRequest> = {
      name: 'portal',
      label: { vi: 'Cổng thông tin điện tử', en: 'Web portal' },

      async describe() {
        const problems: string[] = [];
        if (!config.url) problems.push('PORTAL_WEBHOOK_URL');
        else if (!isHttpUrl(config.url)) problems.push('PORTAL_WEBHOOK_URL (not an http(s) URL)');
        if (!config.secret) problems.push('PORTAL_WEBHOOK_SECRET');
        else if (!isWebhookSecret(config.secret)) problems.push('PORTAL_WEBHOOK_SECRET (expected whsec_ followed by base64)');
        return { enabled: Boolean(config.url || config.secret), configComplete: problems.length === 0, problems };
      },

      accepts(event: PublicationEvent) {
        return config.contentTypes.length === 0 || config.contentTypes.includes(event.uid);
      },

      render(event: PublicationEvent) {
        return { url: config.url ?? '', body: JSON.stringify(portalPayload(event, config.entryUrlTemplate)) };
      },

      async send(request: PortalRequest, context: DeliveryContext): Promise<SendResult> {
        // Signed at send time: receivers reject timestamps older than a few minutes, and a retry may come hours later.
        const signed = signWebhook({ secret: config.secret ?? '', id: context.idempotencyKey, timestamp: new Date(), body: request.body });
        const reply = await post('portal', request.url, {
          headers: { 'content-type': 'application/json', ...signed },
          body: request.body,
          timeoutMs: config.timeoutMs,
          signal: context.signal,
        });
        const { status } = reply;
        if (status >= 200 && status < 300) return { outcome: 'delivered', statusCode: status };
        if (status === 410) {
          throw new ChannelError('portal answered 410 Gone: it no longer accepts this webhook', { retryable: false, statusCode: status });
        }
        if (status === 429 || status >= 500) {
          throw new ChannelError(`portal answered ${status}`, { retryable: true, statusCode: status, retryAfterMs: retryAfterOf(reply) });
        }
        throw new ChannelError(errorText(`portal answered ${status}: ${reply.text || '(empty body)'}`), { retryable: false, statusCode: status });
      },
    };
    return adapter as ChannelAdapter;
  },
};
