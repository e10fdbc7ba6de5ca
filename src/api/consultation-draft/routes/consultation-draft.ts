import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::consultation-draft.consultation-draft', {
  config: {
    find: { policies: ['global::published-only'] },
    findOne: { policies: ['global::published-only'] },
  },
});
