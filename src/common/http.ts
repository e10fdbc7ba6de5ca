import type { Context, Next } from 'koa';

/**
 * The request context every middleware, policy and controller of the product is typed with: Koa's
 * own context (as Strapi passes it) plus what Strapi's router puts in `ctx.state`. One declaration,
 * instead of a hand-written subset per file.
 */
export type RouteInfo = { type?: 'admin' | 'content-api' | string; pluginName?: string; apiName?: string };

export type RequestState = {
  route?: { method?: string; path?: string; handler?: string; info?: RouteInfo };
  user?: { id: number | string; [key: string]: unknown };
  auth?: { strategy?: { name?: string }; credentials?: unknown };
  isAuthenticated?: boolean;
  /** The admin user's CASL ability, set by Strapi's admin authentication. */
  userAbility?: { can: (action: string, subject?: unknown) => boolean };
  [key: string]: unknown;
};

export type RequestContext = Context & { state: RequestState; params: Record<string, string> };

export type { Next };

/** A global or route middleware of the product. */
export type Middleware = (ctx: RequestContext, next: Next) => Promise<unknown>;
