import type { Core } from '@strapi/strapi';

type Layer = { path: string; methods: string[] };
type MatchResult = { pathAndMethod: Layer[] };
type MatchingRouter = { match: (path: string, method: string) => MatchResult };

/**
 * The route patterns (e.g. `/api/feedbacks`) that will serve this request, as the router matches
 * them: case-insensitively and with or without a trailing slash. Global middlewares run before the
 * router; comparing `ctx.path` with a string would let `/api/FEEDBACKS/` slip past them.
 */
export const matchedRoutePaths = (strapi: Core.Strapi, ctx: { path: string; method: string }): string[] =>
  (strapi.server.router as unknown as MatchingRouter)
    .match(ctx.path, ctx.method)
    .pathAndMethod.filter((layer) => layer.methods.length > 0)
    .map((layer) => layer.path);
