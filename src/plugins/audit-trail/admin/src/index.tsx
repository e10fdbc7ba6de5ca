import { Shield } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { PLUGIN_ID, READ_ACTION, t } from './pluginId';

const prefixed = (messages: Record<string, string>) =>
  Object.fromEntries(Object.entries(messages).map(([key, value]) => [t(key), value]));

export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Shield,
      intlLabel: { id: t('plugin.name'), defaultMessage: 'Audit trail' },
      permissions: [{ action: READ_ACTION, subject: null }],
      Component: () => import('./pages/AuditTrailPage'),
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
