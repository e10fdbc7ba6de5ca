import type { Core } from '@strapi/strapi';

type Env = Core.Config.Shared.ConfigParams['env'];
type CorsContext = { path: string };

const CONTENT_API_PREFIXES = ['/api/', '/graphql'];

/** Content-API paths as written by clients; anything else (admin routes, unusual casing) gets the strict admin policy. */
const isContentApiPath = (path: string) => path === '/api' || CONTENT_API_PREFIXES.some((prefix) => path.startsWith(prefix));

const originOf = (url: string | undefined): string[] => {
  if (!url) return [];
  try {
    return [new URL(url).origin];
  } catch {
    return [];
  }
};

/**
 * `strapi::cors` options. Public reads carry no credentials, so any origin may read them (or only
 * `CORS_ORIGINS`); admin routes answer with credentials only to the admin's own origins
 * (`ADMIN_CORS_ORIGINS`, else the origin of `ADMIN_URL` / `PUBLIC_URL`). Reflecting every origin
 * with credentials let a page on a sibling subdomain trade the admin refresh cookie for a token.
 */
export const contentApiCors = (env: Env) => {
  const publicOrigins = env.array('CORS_ORIGINS', ['*']);
  const adminOrigins = env.array('ADMIN_CORS_ORIGINS', [...originOf(env('ADMIN_URL')), ...originOf(env('PUBLIC_URL'))]);
  return {
    origin: (ctx: CorsContext) => (isContentApiPath(ctx.path) ? publicOrigins : adminOrigins),
    credentials: (ctx: CorsContext) => !isContentApiPath(ctx.path),
    headers: ['Content-Type', 'Authorization', 'Origin', 'Accept', 'If-None-Match'],
    expose: ['ETag', 'Retry-After'],
  };
};
