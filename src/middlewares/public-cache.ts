import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Next, RequestContext } from '../common/http';

/** Content-API handlers whose answers are published content, the same for every anonymous caller. */
const PUBLIC_HANDLERS = [
  /\.find$/,
  /\.findOne$/,
  /^api::feedback\.feedback\.publicList$/,
  /^api::feeds\.feeds\./,
  /^api::changes\.changes\.list$/,
  /^api::openapi\.openapi\.document$/,
];

const isPublicRead = (ctx: RequestContext): boolean => {
  if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return false;
  if (ctx.status !== 200 || ctx.get('authorization') || ctx.response.get('Cache-Control')) return false;
  const route = ctx.state.route as { info?: { type?: string }; handler?: unknown } | undefined;
  if (route?.info?.type !== 'content-api' || typeof route.handler !== 'string') return false;
  const handler = route.handler;
  return PUBLIC_HANDLERS.some((pattern) => pattern.test(handler));
};

/** Objects (sent as JSON) and strings (JSON, or a feed's XML) only: files and streams are not hashed here. */
const isHashableBody = (body: unknown): boolean =>
  typeof body === 'string' || (typeof body === 'object' && body !== null && !Buffer.isBuffer(body) && typeof (body as { pipe?: unknown }).pipe !== 'function');

/**
 * HTTP caching for anonymous reads of published content: a strong `ETag` (a hash of the exact
 * bytes sent: JSON, or a feed's XML), `Cache-Control: public, max-age=<http-cache.maxAge>`,
 * `Vary: Accept-Encoding` (CORS adds `Origin` when it reflects origins), and 304 with no body when
 * `If-None-Match` matches (Koa's own `ctx.fresh`, i.e. the `fresh` library, decides). Everything
 * else is left alone; authenticated and admin answers are `private, no-store` (private-responses.ts).
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: RequestContext, next: Next) => {
    await next();
    if (!isPublicRead(ctx) || !isHashableBody(ctx.body)) return;
    // Serialise once: the hash and the bytes sent are the same string. The content type the handler
    // set is kept (Koa set `application/json` for an object; a feed sets Atom or JSON Feed).
    const text = typeof ctx.body === 'string' ? ctx.body : JSON.stringify(ctx.body);
    if (!ctx.response.get('Content-Type')) ctx.type = 'application/json';
    ctx.body = text;
    ctx.set('ETag', `"${createHash('sha256').update(text).digest('base64url').slice(0, 32)}"`);
    ctx.set('Cache-Control', `public, max-age=${strapi.config.get<number>('http-cache.maxAge', 60)}`);
    ctx.vary('Accept-Encoding');
    if (ctx.fresh) {
      ctx.status = 304;
      ctx.body = null;
    }
  };
