import { getService } from '../../utils/get-service';
import { isHttpUrl } from '../../utils/http';
import { sleep } from '../../utils/sleep';
import type { PublicationEvent } from '../../types';
import { ChannelError, type ChannelAdapter, type ChannelFactory, type DeliveryContext, type SendResult } from '../types';
import { renderZaloArticle, type ZaloArticle } from './article';
import type { ZaloReply } from './client';
import { classifyZaloError, ZaloReplyError } from './errors';
import { createZaloOaClient, zaloConfigSchema } from './oa-client';

const configSchema = zaloConfigSchema;

type ZaloRequest =
  | { action: 'create'; article: ZaloArticle }
  | { action: 'update'; id: string; article: ZaloArticle }
  | { action: 'remove'; id: string }
  | { action: 'none'; reason: string };

/**
 * Zalo Official Account articles: a publish creates an article (create → token → verify → id, the id
 * kept as the delivery's `externalId`), a re-publish updates it, an unpublish removes it.
 */
export const zaloChannel: ChannelFactory = {
  name: 'zalo',
  create({ strapi, config: raw, publicUrl, state }) {
    const config = configSchema.parse(raw);
    const client = createZaloOaClient({ config, state });
    const covers = () => getService(strapi, 'zalo-cover');

    /** Calls an OA endpoint; an access token Zalo refuses is refreshed once and the call repeated. */
    const call = (what: string, path: string, body: Record<string, unknown>, context: DeliveryContext): Promise<ZaloReply> =>
      client.call(what, path, body, { signal: context.signal });

    /**
     * Asks Zalo for the id of a created article until it has one. "Processing" comes as a reply
     * without an id or as error -214 ("Article is being processed"): both mean ask again later.
     */
    const verify = async (token: string, context: DeliveryContext): Promise<string> => {
      let lastProcessing = '';
      for (let attempt = 1; attempt <= config.verifyAttempts; attempt += 1) {
        try {
          const reply = await call('Zalo article verify', '/v2.0/article/verify', { token }, context);
          const id = reply.data?.id;
          if (typeof id === 'string' || typeof id === 'number') return String(id);
        } catch (error) {
          if (!(error instanceof ZaloReplyError) || classifyZaloError(error.zaloCode) !== 'processing') throw error;
          lastProcessing = ` (${error.message})`;
        }
        if (attempt < config.verifyAttempts) await sleep(config.verifyDelayMs, context.signal);
      }
      throw new ChannelError(`Zalo has not finished processing the article yet${lastProcessing}: verifying again on the next attempt`, { retryable: true });
    };

    /** The default cover's URL (created in the media library when absent), unless ZALO_COVER_URL replaces it. */
    const defaultCoverUrl = async (): Promise<string | null> => {
      if (config.coverUrl) return null;
      return (await covers().ensure())?.url ?? null;
    };

    const adapter: ChannelAdapter<ZaloRequest> = {
      name: 'zalo',
      label: { vi: 'Zalo OA', en: 'Zalo Official Account' },

      async describe() {
        const description = await client.describe();
        // Zalo downloads the cover from the URL it is given: it must be absolute. Relative media URLs
        // (the local upload provider's `/uploads/…`, so the default cover too) need PUBLIC_URL.
        const coverAbsolute = isHttpUrl(config.coverUrl) || isHttpUrl(publicUrl) || isHttpUrl(covers().knownUrl());
        if (description.enabled && !coverAbsolute) {
          return { enabled: true, configComplete: false, problems: [...description.problems, 'PUBLIC_URL'] };
        }
        return description;
      },

      accepts(event: PublicationEvent) {
        const typeOk = config.contentTypes.includes(event.uid);
        const localeOk = config.locales.length === 0 || event.locale === null || config.locales.includes(event.locale);
        return typeOk && localeOk;
      },

      async render(event: PublicationEvent, context: DeliveryContext): Promise<ZaloRequest> {
        const id = context.previousExternalId;
        if (event.type === 'unpublished') {
          return id ? { action: 'remove', id } : { action: 'none', reason: 'no Zalo article exists for this document: nothing to remove' };
        }
        const article = renderZaloArticle(event, { author: config.author, coverUrl: config.coverUrl, defaultCoverUrl: await defaultCoverUrl(), publicUrl });
        return id ? { action: 'update', id, article } : { action: 'create', article };
      },

      async send(request: ZaloRequest, context: DeliveryContext): Promise<SendResult> {
        switch (request.action) {
          case 'none':
            return { outcome: 'skipped', reason: request.reason };
          case 'remove':
            await call('Zalo article remove', '/v2.0/article/remove', { id: request.id }, context);
            return { outcome: 'delivered', externalId: request.id };
          case 'update':
            await call('Zalo article update', '/v2.0/article/update', { id: request.id, ...request.article }, context);
            return { outcome: 'delivered', externalId: request.id };
          case 'create': {
            // A retry after "created but not verified yet" resumes with the saved token: no duplicate article.
            let token = typeof context.checkpoint?.zaloToken === 'string' ? context.checkpoint.zaloToken : undefined;
            if (!token) {
              const reply = await call('Zalo article create', '/v2.0/article/create', { ...request.article }, context);
              const created = reply.data?.token;
              if (typeof created !== 'string' || !created) throw new ChannelError('Zalo article create returned no token', { retryable: true });
              token = created;
              await context.saveCheckpoint({ zaloToken: token });
            }
            return { outcome: 'delivered', externalId: await verify(token, context) };
          }
          default:
            throw new ChannelError('unknown Zalo action', { retryable: false });
        }
      },
    };
    return adapter as ChannelAdapter;
  },
};
