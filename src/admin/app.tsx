import type { StrapiApp } from '@strapi/strapi/admin';

/** Strapi's own key for the admin UI language, read when the admin app renders. */
const LANGUAGE_KEY = 'strapi-admin-language';

export default {
  config: {
    // Vietnamese first: editors of the province work in Vietnamese; English stays available.
    locales: ['vi'],
    // Strapi's admin otherwise asks GitHub for release notes from every editor's browser: the panel
    // must work on a closed network and never call out on its own.
    notifications: { releases: false },
  },
  bootstrap(_app: StrapiApp) {
    // Strapi defaults to English; the province's default is Vietnamese until a user picks a language.
    if (typeof window !== 'undefined' && !window.localStorage.getItem(LANGUAGE_KEY)) {
      window.localStorage.setItem(LANGUAGE_KEY, 'vi');
    }
  },
};
