import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::radio-script.radio-script', {
  config: {
    find: { policies: ['global::published-only'] },
    findOne: { policies: ['global::published-only'] },
  },
});
