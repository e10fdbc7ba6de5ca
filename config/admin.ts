import type { Core } from '@strapi/strapi';
import { requireSecret } from '../src/lib/env-secrets';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => ({
  auth: {
    secret: requireSecret(env, 'ADMIN_JWT_SECRET'),
    // The refresh cookie travels over HTTPS only in production (behind a TLS proxy: set PROXY=true).
    cookie: { secure: env.bool('ADMIN_COOKIE_SECURE', env('NODE_ENV') === 'production') },
  },
  apiToken: {
    salt: requireSecret(env, 'API_TOKEN_SALT'),
  },
  transfer: {
    token: {
      salt: requireSecret(env, 'TRANSFER_TOKEN_SALT'),
    },
  },
  secrets: {
    encryptionKey: requireSecret(env, 'ENCRYPTION_KEY'),
  },
  flags: {
    nps: env.bool('FLAG_NPS', false),
    promoteEE: env.bool('FLAG_PROMOTE_EE', false),
  },
});

export default config;
