import type { Core } from '@strapi/strapi';
import { requireSecret } from '../src/lib/env-secrets';

const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  'users-permissions': {
    config: {
      jwtSecret: requireSecret(env, 'JWT_SECRET'),
    },
  },
  'public-participation': {
    enabled: true,
    resolve: './src/plugins/public-participation',
  },
  graphql: {
    config: {
      endpoint: '/graphql',
      shadowCRUD: true,
      depthLimit: 7,
      amountLimit: 100,
      defaultLimit: 25,
      maxLimit: 100,
      landingPage: env('NODE_ENV') !== 'production',
    },
  },
});

export default config;
