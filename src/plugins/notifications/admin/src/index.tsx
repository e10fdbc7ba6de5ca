import type { StrapiApp } from '@strapi/strapi/admin';
import { pluginTranslations } from '../../../../common/admin-translations';
import { PLUGIN_ID, t } from './pluginId';

export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
    // Every admin user, whatever their role, reaches their own switches (the API answers only their own row).
    app.addSettingsLink('global', {
      id: 'my-notifications',
      to: 'my-notifications',
      intlLabel: { id: t('settings.link'), defaultMessage: 'My notifications' },
      permissions: [],
      Component: () => import('./pages/MyNotificationsPage'),
    });
  },

  registerTrads: pluginTranslations(PLUGIN_ID, (locale) => import(`./translations/${locale}.json`)),
};
