import type { Core } from '@strapi/strapi';
import { LRUCache } from 'lru-cache';

/** A route of @koa/router, which ships without types: the two fields read here. */
type Layer = { path: string; methods: string[] };

/**
 * Answers per router, by method and path: the routes are fixed once the server is up, and three
 * global middlewares ask for every request (the public feedback body, the content-API query guard,
 * the GraphQL document guard), each a walk over every route's regular expression. Bounded, because
 * paths carry document ids.
 */
const answers = new WeakMap<object, LRUCache<string, readonly string[]>>();

/**
 * The route patterns (e.g. `/api/feedbacks`) that will serve this request, as the router matches
 * them: case-insensitively and with or without a trailing slash. Global middlewares run before the
 * router; comparing `ctx.path` with a string would let `/api/FEEDBACKS/` slip past them.
 */
export const matchedRoutePaths = (strapi: Core.Strapi, ctx: { path: string; method: string }): readonly string[] => {
  const router = strapi.server.router;
  let cache = answers.get(router);
  if (!cache) {
    cache = new LRUCache<string, readonly string[]>({ max: 5_000 });
    answers.set(router, cache);
  }
  const key = `${ctx.method} ${ctx.path}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const paths: readonly string[] = Object.freeze(
    router
      .match(ctx.path, ctx.method)
      .pathAndMethod.filter((layer: Layer) => layer.methods.length > 0)
      .map((layer: Layer) => layer.path),
  );
  cache.set(key, paths);
  return paths;
};
