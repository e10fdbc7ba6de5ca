import type { Core } from '@strapi/strapi';

/**
 * HTTP caching of public reads of published content (src/middlewares/public-cache.ts): how long a
 * browser or a shared cache (the portal's CDN, a newspaper's proxy) may reuse an answer without
 * asking again; after that, `If-None-Match` revalidates it for the cost of a 304.
 */
const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  maxAge: env.int('HTTP_CACHE_MAX_AGE', 60),
});

export default config;
