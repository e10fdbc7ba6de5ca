import type { Core } from '@strapi/strapi';

/** A route of @koa/router, which ships without types: the two fields read here. */
type Layer = { path: string; methods: string[] };

/**
 * The route patterns (e.g. `/api/feedbacks`) that will serve this request, as the router matches
 * them: case-insensitively and with or without a trailing slash. Global middlewares run before the
 * router; comparing `ctx.path` with a string would let `/api/FEEDBACKS/` slip past them.
 */
export const matchedRoutePaths = (strapi: Core.Strapi, ctx: { path: string; method: string }): string[] =>
  strapi.server.router
    .match(ctx.path, ctx.method)
    .pathAndMethod.filter((layer: Layer) => layer.methods.length > 0)
    .map((layer: Layer) => layer.path);
