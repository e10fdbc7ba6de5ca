import type { Core } from '@strapi/strapi';

/**
 * HTTP caching of public reads of published content (src/middlewares/public-cache.ts): how long a
 * browser or a shared cache (the portal's CDN, a newspaper's proxy) may reuse an answer without
 * asking again; after that, `If-None-Match` revalidates it for the cost of a 304.
 *
 * `readCache`: the in-memory cache of those answers on each app node (src/lib/read-cache.ts),
 * cleared after every committed change of what an answer was read from, on every node (PostgreSQL
 * `LISTEN/NOTIFY`). Bounded by entries and bytes (least recently used go first); `ttlSeconds` also
 * bounds the life of an answer that depends on the clock (a consultation that closes at midnight).
 */
const config = ({ env }: Core.Config.Shared.ConfigParams) => {
  const maxAge = env.int('HTTP_CACHE_MAX_AGE', 60);
  return {
    maxAge,
    readCache: {
      enabled: env.bool('READ_CACHE_ENABLED', true),
      maxEntries: env.int('READ_CACHE_MAX_ENTRIES', 5000),
      maxBytes: env.int('READ_CACHE_MAX_BYTES', 64 * 1024 * 1024),
      ttlMs: env.int('READ_CACHE_TTL_SECONDS', maxAge) * 1000,
      /** The PostgreSQL channel the nodes tell each other about changes on. */
      channel: env('READ_CACHE_CHANNEL', 'pcms_read_cache'),
    },
  };
};

export default config;
