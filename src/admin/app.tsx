import { ChartPie } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { t } from './coverage/format';
import { COVERAGE_PATH } from './coverage/links';
import { FocalPointPrefill } from './coverage/prefill';
import en from './translations/en.json';
import vi from './translations/vi.json';

/** Strapi's own key for the admin UI language, read when the admin app renders. */
const LANGUAGE_KEY = 'strapi-admin-language';

const prefixed = (messages: Record<string, string>) => Object.fromEntries(Object.entries(messages).map(([key, value]) => [t(key), value]));

type ContentManagerApis = { addEditViewSidePanel: (panels: unknown[]) => void };

export default {
  config: {
    // Vietnamese first: editors of the province work in Vietnamese; English stays available.
    locales: ['vi'],
    // Strapi's admin otherwise asks GitHub for release notes from every editor's browser: the panel
    // must work on a closed network and never call out on its own.
    notifications: { releases: false },
    translations: { vi: prefixed(vi), en: prefixed(en) },
  },
  register(app: StrapiApp) {
    // Coverage is the app's (its API is src/api/coverage), so its screens live in the app's admin,
    // not in a plugin: no plugin can be switched off under them.
    app.addMenuLink({
      to: COVERAGE_PATH.slice(1),
      icon: ChartPie,
      intlLabel: { id: t('menu'), defaultMessage: 'Coverage' },
      // Public transparency figures: every admin may read them (the API itself is public).
      permissions: [],
      Component: () => import('./coverage/CoveragePage'),
      position: 2,
    });
    // First on the home page: the province's two targets are what a leader opens the panel for.
    app.widgets.register((widgets) => [
      {
        id: 'coverage',
        icon: ChartPie,
        title: { id: t('widget.title'), defaultMessage: 'Coverage' },
        link: { label: { id: t('widget.link'), defaultMessage: 'Open the Coverage page' }, href: COVERAGE_PATH },
        component: async () => (await import('./coverage/CoverageWidget')).CoverageWidget,
      },
      ...widgets,
    ]);
  },
  bootstrap(app: StrapiApp) {
    // Strapi defaults to English; the province's default is Vietnamese until a user picks a language.
    if (typeof window !== 'undefined' && !window.localStorage.getItem(LANGUAGE_KEY)) {
      window.localStorage.setItem(LANGUAGE_KEY, 'vi');
    }
    // The content manager's panel API is not in Strapi's types for `apis`; declared here.
    const contentManager = app.getPlugin('content-manager') as unknown as { apis?: Partial<ContentManagerApis> };
    contentManager.apis?.addEditViewSidePanel?.([FocalPointPrefill]);
  },
};
