import type { Core } from '@strapi/strapi';
import type { Next, RequestContext } from '../common/http';
import { etagOf, readCacheOf, serialisedBody, type CachedAnswer } from '../lib/read-cache';
import { dependenciesOfHandler, dependencyGraph } from '../lib/read-cache-invalidation';

/** Content-API handlers whose answers are published content, the same for every anonymous caller. */
const PUBLIC_HANDLERS = [
  /\.find$/,
  /\.findOne$/,
  /^api::feedback\.feedback\.publicList$/,
  /^api::consultation-draft\.consultation-draft\.outcome$/,
  /^api::feeds\.feeds\./,
  /^api::changes\.changes\.list$/,
  /^api::openapi\.openapi\.document$/,
  /^api::coverage\.coverage\.(summary|history)$/,
];

/** Handlers whose answers are kept a shorter, separately configured time (coverage: `config/coverage.ts`). */
const maxAgeOf = (strapi: Core.Strapi, handler: string): number | undefined =>
  handler.startsWith('api::coverage.') ? strapi.config.get<number>('coverage.cacheSeconds', 60) : undefined;

const isPublicRead = (ctx: RequestContext): boolean => {
  if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return false;
  if (ctx.status !== 200 || ctx.get('authorization') || ctx.response.get('Cache-Control')) return false;
  const route = ctx.state.route as { info?: { type?: string }; handler?: unknown } | undefined;
  if (route?.info?.type !== 'content-api' || typeof route.handler !== 'string') return false;
  const handler = route.handler;
  return PUBLIC_HANDLERS.some((pattern) => pattern.test(handler));
};

/** Requests the read cache may answer: anonymous GET/HEAD (an API token or a user's JWT always reaches the handler). */
const mayServeFromCache = (ctx: RequestContext): boolean => (ctx.method === 'GET' || ctx.method === 'HEAD') && !ctx.get('authorization');

/** Sends an answer with its caching headers, or 304 with no body when the client already has it. */
const send = (ctx: RequestContext, answer: Pick<CachedAnswer, 'body' | 'contentType' | 'etag'>, maxAge: number, from: 'hit' | 'miss') => {
  ctx.status = 200;
  // Like a CDN's X-Cache: tells operators (and the tests) whether this node answered from memory.
  ctx.set('X-Read-Cache', from);
  ctx.body = answer.body;
  ctx.set('Content-Type', answer.contentType);
  ctx.set('ETag', answer.etag);
  ctx.set('Cache-Control', `public, max-age=${maxAge}`);
  ctx.vary('Accept-Encoding');
  if (ctx.fresh) {
    ctx.status = 304;
    ctx.body = null;
  }
};

/**
 * HTTP caching for anonymous reads of published content: a strong `ETag` (a hash of the exact
 * bytes sent: JSON, or a feed's XML), `Cache-Control: public, max-age=<http-cache.maxAge>`,
 * `Vary: Accept-Encoding` (CORS adds `Origin` when it reflects origins), and 304 with no body when
 * `If-None-Match` matches (Koa's own `ctx.fresh`, i.e. the `fresh` library, decides). Everything
 * else is left alone; authenticated and admin answers are `private, no-store` (private-responses.ts).
 *
 * The same answers are kept in this node's read cache (src/lib/read-cache.ts) under their URL and
 * served from it without reaching the router until something they were read from changes. The
 * middlewares before this one (CORS, security headers, query limits) still run on every request.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  /**
   * Misses being computed now, by URL. Requests for the same URL that arrive meanwhile wait for that
   * one answer instead of each asking the database (request coalescing, as a CDN's "cache lock"
   * does): without it, front ends that all ask for a new page at once send the database as many
   * copies of the same read, and the cache only helps once the burst is over. The waiters get the
   * answer only when it was stored, i.e. nothing it was read from changed while it was computed
   * (so none of them gets an answer older than a change it arrived after); otherwise they ask the
   * database themselves.
   */
  const inFlight = new Map<string, Promise<CachedAnswer | undefined>>();

  return async (ctx: RequestContext, next: Next) => {
    const maxAge = strapi.config.get<number>('http-cache.maxAge', 60);
    const cache = readCacheOf(strapi);
    const key = ctx.url;
    let lead: ((answer: CachedAnswer | undefined) => void) | undefined;
    if (mayServeFromCache(ctx) && cache.enabled) {
      const hit = cache.get(key) ?? (await inFlight.get(key));
      if (hit) {
        send(ctx, hit, hit.maxAgeSeconds ?? maxAge, 'hit');
        return;
      }
      if (ctx.method === 'GET' && !inFlight.has(key)) inFlight.set(key, new Promise((resolve) => (lead = resolve)));
    }
    let shared: CachedAnswer | undefined;
    try {
      const generation = cache.generation();
      await next();
      // Serialise once: the hash and the bytes sent are the same string. The content type the handler
      // set is kept (Koa set `application/json` for an object; a feed sets Atom or JSON Feed).
      const body = isPublicRead(ctx) ? serialisedBody(ctx.body) : undefined;
      if (body === undefined) return;
      const contentType = ctx.response.get('Content-Type') || 'application/json; charset=utf-8';
      const answer = { body, contentType, etag: etagOf(body) };
      const handler = (ctx.state.route as { handler: string }).handler;
      const ownMaxAge = maxAgeOf(strapi, handler);
      if (ctx.method === 'GET') {
        const cached = { ...answer, dependsOn: dependenciesOfHandler(dependencyGraph(strapi), handler), maxAgeSeconds: ownMaxAge };
        if (cache.set(key, cached, generation)) shared = cached;
      }
      send(ctx, answer, ownMaxAge ?? maxAge, 'miss');
    } finally {
      if (lead) {
        inFlight.delete(key);
        lead(shared);
      }
    }
  };
};
