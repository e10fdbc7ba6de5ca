import type { StrapiApp } from '@strapi/strapi/admin';
import { PLUGIN_ID, t } from './pluginId';

const prefixed = (messages: Record<string, string>) =>
  Object.fromEntries(Object.entries(messages).map(([key, value]) => [t(key), value]));

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
