import { Clock } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { pluginTranslations } from '../../../../common/admin-translations';
import { DispositionsPanel } from './components/DispositionsPanel';
import { DraftCountsPanel } from './components/DraftCountsPanel';
import { ModerationPanel } from './components/ModerationPanel';
import { PLUGIN_ID, READ_ACTION, t } from './pluginId';

type ContentManagerApis = { addEditViewSidePanel: (panels: unknown[]) => void };

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

  registerTrads: pluginTranslations(PLUGIN_ID, (locale) => import(`./translations/${locale}.json`)),
};
