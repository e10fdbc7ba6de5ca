import { Shield } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { pluginTranslations } from '../../../../common/admin-translations';
import { PLUGIN_ID, READ_ACTION, t } from './pluginId';

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

  registerTrads: pluginTranslations(PLUGIN_ID, (locale) => import(`./translations/${locale}.json`)),
};
