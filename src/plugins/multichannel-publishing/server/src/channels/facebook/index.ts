import { z } from 'zod';
import { isHttpUrl, joinUrl, post, retryAfterOf, type HttpReply } from '../../utils/http';
import type { PublicationEvent } from '../../types';
import { ChannelError, type ChannelAdapter, type ChannelFactory, type DeliveryContext, type SendResult } from '../types';
import { FacebookReplyError, facebookReplyError, graphErrorOf } from './errors';
import { renderFacebookPost, type FacebookPost } from './post';

const optionalText = z.preprocess((value) => (value === '' ? undefined : value), z.string().nullish());

const configSchema = z.object({
  /** Graph API root with its version, e.g. `https://graph.facebook.com/v24.0`. */
  graphBase: z.preprocess((value) => (value === '' || value == null ? undefined : value), z.string().default('https://graph.facebook.com/v24.0')),
  pageId: optionalText,
  pageToken: optionalText,
  /** Content types that become Page posts. */
  contentTypes: z.array(z.string()).default(['api::policy.policy']),
  /** Locales that become Page posts (the Page speaks Vietnamese); empty = all. */
  locales: z.array(z.string()).default(['vi']),
  /** The portal's URL of an entry (the post links to it). */
  entryUrlTemplate: optionalText,
  timeoutMs: z.number().int().min(1).default(10_000),
});

type FacebookRequest =
  | { action: 'create'; post: FacebookPost }
  | { action: 'update'; id: string; post: FacebookPost }
  | { action: 'remove'; id: string }
  | { action: 'none'; reason: string };

type GraphReply = Record<string, unknown>;

// Graph API "object does not exist" (code 100, subcode 33): the post was deleted on Facebook by hand.
const isMissingObject = (error: unknown): boolean => error instanceof FacebookReplyError && error.graphCode === 100 && error.graphSubcode === 33;

/**
 * A Facebook Page: a published policy becomes a Page post through the Graph API, per Meta's Pages API
 * guide "Posts" (https://developers.facebook.com/docs/pages-api/posts) and "Get Started"
 * (https://developers.facebook.com/docs/pages-api/getting-started):
 * - publish: `POST /{page-id}/feed` with `message`, `link` and the Page access token → `{ id: "{page-id}_{post-id}" }`
 *   (needs `pages_manage_posts` and the CREATE_CONTENT task on the Page);
 * - re-publish: `POST /{post-id}` with the new `message` → `{ success: true }` (a post's link cannot be changed);
 * - unpublish: `DELETE /{post-id}` → `{ success: true }`.
 * The post id is kept as the delivery's `externalId`. Error codes are classified in `errors.ts`.
 * The Graph API has no idempotency key: a create whose answer was lost is sent again on retry (a
 * duplicate post is possible in that rare case, and Facebook refuses an identical consecutive one, 506).
 */
export const facebookChannel: ChannelFactory = {
  name: 'facebook',
  create({ config: raw }) {
    const config = configSchema.parse(raw);

    /** One Graph API call; the token travels as the documented `access_token` parameter. */
    const call = async (what: string, method: 'POST' | 'DELETE', path: string, params: Record<string, string>, context: DeliveryContext): Promise<GraphReply> => {
      const form = new URLSearchParams({ ...params, access_token: config.pageToken ?? '' });
      const url = joinUrl(config.graphBase, path);
      const reply: HttpReply =
        method === 'DELETE'
          ? await post(what, `${url}?${form.toString()}`, { method, headers: {}, timeoutMs: config.timeoutMs, signal: context.signal })
          : await post(what, url, { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form, timeoutMs: config.timeoutMs, signal: context.signal });
      let body: unknown = null;
      try {
        body = JSON.parse(reply.text);
      } catch {
        body = null;
      }
      const graphError = graphErrorOf(body);
      if (graphError) throw facebookReplyError(what, graphError, reply.status, retryAfterOf(reply));
      if (reply.status === 429 || reply.status >= 500) {
        throw new ChannelError(`${what}: Facebook answered HTTP ${reply.status}`, { retryable: true, statusCode: reply.status, retryAfterMs: retryAfterOf(reply) });
      }
      if (reply.status < 200 || reply.status >= 300) {
        throw new ChannelError(`${what}: Facebook answered HTTP ${reply.status}: ${reply.text.slice(0, 500)}`, { retryable: false, statusCode: reply.status });
      }
      if (!body || typeof body !== 'object') throw new ChannelError(`${what}: Facebook answered something that is not JSON`, { retryable: true, statusCode: reply.status });
      return body as GraphReply;
    };

    const create = async (request: FacebookPost, context: DeliveryContext): Promise<SendResult> => {
      const params: Record<string, string> = { message: request.message };
      if (request.link) params.link = request.link;
      const reply = await call('Facebook post create', 'POST', `${encodeURIComponent(config.pageId ?? '')}/feed`, params, context);
      const id = reply.id;
      if (typeof id !== 'string' || !id) throw new ChannelError('Facebook post create returned no id', { retryable: true });
      return { outcome: 'delivered', externalId: id };
    };

    const adapter: ChannelAdapter<FacebookRequest> = {
      name: 'facebook',
      label: { vi: 'Trang Facebook', en: 'Facebook Page' },

      async describe() {
        const problems: string[] = [];
        if (!config.pageId) problems.push('FACEBOOK_PAGE_ID');
        if (!config.pageToken) problems.push('FACEBOOK_PAGE_TOKEN');
        if (!isHttpUrl(config.graphBase)) problems.push('FACEBOOK_GRAPH_BASE (not an http(s) URL)');
        const enabled = Boolean(config.pageId || config.pageToken);
        return { enabled, configComplete: enabled && problems.length === 0, problems };
      },

      accepts(event: PublicationEvent) {
        const typeOk = config.contentTypes.includes(event.uid);
        const localeOk = config.locales.length === 0 || event.locale === null || config.locales.includes(event.locale);
        return typeOk && localeOk;
      },

      render(event: PublicationEvent, context: DeliveryContext): FacebookRequest {
        const id = context.previousExternalId;
        if (event.type === 'unpublished') {
          return id ? { action: 'remove', id } : { action: 'none', reason: 'no Facebook post exists for this document: nothing to remove' };
        }
        const rendered = renderFacebookPost(event, config.entryUrlTemplate);
        return id ? { action: 'update', id, post: rendered } : { action: 'create', post: rendered };
      },

      async send(request: FacebookRequest, context: DeliveryContext): Promise<SendResult> {
        switch (request.action) {
          case 'none':
            return { outcome: 'skipped', reason: request.reason };
          case 'remove':
            try {
              await call('Facebook post delete', 'DELETE', encodeURIComponent(request.id), {}, context);
            } catch (error) {
              if (isMissingObject(error)) return { outcome: 'skipped', reason: 'the Facebook post was already deleted' };
              throw error;
            }
            return { outcome: 'delivered', externalId: request.id };
          case 'update':
            try {
              await call('Facebook post update', 'POST', encodeURIComponent(request.id), { message: request.post.message }, context);
            } catch (error) {
              // Deleted on Facebook by hand: the re-publication makes a new post rather than failing forever.
              if (isMissingObject(error)) return create(request.post, context);
              throw error;
            }
            return { outcome: 'delivered', externalId: request.id };
          case 'create':
            return create(request.post, context);
          default:
            throw new ChannelError('unknown Facebook action', { retryable: false });
        }
      },
    };
    return adapter as ChannelAdapter;
  },
};
