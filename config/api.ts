import type { Core } from '@strapi/strapi';

const config: Core.Config.Api = {
  rest: {
    defaultLimit: 25,
    maxLimit: 100,
    withCount: true,
    // Unknown query parameters and body fields are answered with 400 instead of being ignored.
    strictParams: true,
  },
  documents: {
    strictParams: true,
  },
};

export default config;
