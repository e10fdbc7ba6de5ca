import type { StrapiApp } from '@strapi/strapi/admin';
import { pluginTranslations } from '../../../../common/admin-translations';
import { MembersPanel } from './components/MembersPanel';
import { PLUGIN_ID } from './pluginId';

type ContentManagerApis = { addEditViewSidePanel: (panels: unknown[]) => void };

export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
  },

  bootstrap(app: StrapiApp) {
    // Strapi types a plugin's `apis` as a plain record; the content manager's panel API is declared here.
    const contentManager = app.getPlugin('content-manager').apis as unknown as ContentManagerApis;
    contentManager.addEditViewSidePanel([MembersPanel]);
  },

  registerTrads: pluginTranslations(PLUGIN_ID, (locale) => import(`./translations/${locale}.json`)),
};
