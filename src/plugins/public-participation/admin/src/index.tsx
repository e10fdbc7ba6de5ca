import { Clock } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { DispositionsPanel } from './components/DispositionsPanel';
import { DraftCountsPanel } from './components/DraftCountsPanel';
import { ModerationPanel } from './components/ModerationPanel';
import { PLUGIN_ID, READ_ACTION, t } from './pluginId';

type ContentManagerApis = { addEditViewSidePanel: (panels: unknown[]) => void };

const prefixed = (messages: Record<string, string>) =>
  Object.fromEntries(Object.entries(messages).map(([key, value]) => [t(key), value]));

export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Clock,
      intlLabel: { id: t('plugin.name'), defaultMessage: 'Overdue feedback' },
      permissions: [{ action: READ_ACTION, subject: null }],
      Component: () => import('./pages/OverduePage'),
    });
  },

  bootstrap(app: StrapiApp) {
    // Strapi types a plugin's `apis` as a plain record; the content manager's panel API is declared here.
    const contentManager = app.getPlugin('content-manager') as unknown as { apis: ContentManagerApis };
    contentManager.apis.addEditViewSidePanel([DraftCountsPanel, DispositionsPanel, ModerationPanel]);
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: messages } = await import(`./translations/${locale}.json`);
          return { data: prefixed(messages as Record<string, string>), locale };
        } catch {
          return { data: {}, locale };
        }
      }),
    );
  },
};
