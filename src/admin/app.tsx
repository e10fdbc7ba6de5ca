import type { StrapiApp } from '@strapi/strapi/admin';

export default {
  config: {
    // Vietnamese first: editors of the province work in Vietnamese; English stays available.
    locales: ['vi'],
  },
  bootstrap(_app: StrapiApp) {},
};
