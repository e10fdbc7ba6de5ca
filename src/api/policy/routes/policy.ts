import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::policy.policy', {
  config: {
    find: { policies: ['global::published-only'] },
    findOne: { policies: ['global::published-only'] },
  },
});
