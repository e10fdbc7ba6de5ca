import type { Core } from '@strapi/strapi';
import { requireSecret } from '../src/lib/env-secrets';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  // Strapi 5 reads `proxy.koa` (a bare boolean is ignored): only then does ctx.ip follow X-Forwarded-For.
  // Only the last PROXY_COUNT addresses of X-Forwarded-For were written by our own proxies; the
  // client writes the rest, so the client's address is the one the outermost trusted proxy saw.
  proxy: { koa: env.bool('PROXY', false), maxIpsCount: env.int('PROXY_COUNT', 1) },
  app: {
    keys: requireSecret(env, 'APP_KEYS').split(','),
  },
  cron: { enabled: env.bool('CRON_ENABLED', true) },
  // Where uploads land (public/uploads); tests point it at a temp folder.
  dirs: { public: env('PUBLIC_DIR', './public') },
  logger: {
    updates: { enabled: false },
    startup: { enabled: env.bool('STARTUP_BANNER', true) },
  },
});

export default config;
