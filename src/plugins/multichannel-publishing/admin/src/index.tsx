import { PaperPlane } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { BroadcastPanel } from './components/BroadcastPanel';
import { DeliveriesPanel } from './components/DeliveriesPanel';
import { PERMISSIONS, PLUGIN_ID } from './constants';

type Translations = Record<string, string>;

const prefixed = (data: Translations): Translations =>
  Object.fromEntries(Object.entries(data).map(([key, value]) => [`${PLUGIN_ID}.${key}`, value]));

export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: PaperPlane,
      intlLabel: { id: `${PLUGIN_ID}.menu.label`, defaultMessage: 'Distribution' },
      Component: () => import('./pages/DistributionPage'),
      permissions: PERMISSIONS.read,
      position: 4,
    });
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
  },

  bootstrap(app: StrapiApp) {
    // Strapi types a plugin's `apis` as a plain record; the content manager's panel API is declared here.
    const contentManager = app.getPlugin('content-manager') as unknown as { apis?: { addEditViewSidePanel?: (panels: unknown[]) => void } };
    contentManager.apis?.addEditViewSidePanel?.([DeliveriesPanel, BroadcastPanel]);
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = (await import(`./translations/${locale}.json`)) as { default: Translations };
          return { data: prefixed(data), locale };
        } catch {
          return { data: {}, locale };
        }
      }),
    );
  },
};
