import type { StrapiApp } from '@strapi/strapi/admin';
import { SealCheck } from '@strapi/icons';
import { ApprovalPanel } from './components/ApprovalPanel';
import { PLUGIN_ID } from './pluginId';
import { prefixTranslations } from './utils/getTranslation';

/** Anyone holding one of these sees the "Chờ duyệt / Approvals" menu entry. */
const MENU_PERMISSIONS = ['submit', 'review', 'approve', 'force-approve', 'read-history'].map((action) => ({
  action: `plugin::${PLUGIN_ID}.${action}`,
  subject: null,
}));

type ContentManagerApis = { addEditViewSidePanel: (panels: unknown[]) => void };

const loadTranslations = async (locale: string): Promise<Record<string, string>> => {
  switch (locale) {
    case 'vi':
      return (await import('./translations/vi.json')).default;
    case 'en':
      return (await import('./translations/en.json')).default;
    default:
      return {};
  }
};

export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: 'Approval workflow' });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: SealCheck,
      intlLabel: { id: `${PLUGIN_ID}.plugin.name`, defaultMessage: 'Approvals' },
      permissions: MENU_PERMISSIONS,
      Component: () => import('./pages/ApprovalsPage'),
    });
  },

  bootstrap(app: StrapiApp) {
    // Strapi types a plugin's `apis` as a plain record; the content manager's panel API is declared here.
    const contentManager = app.getPlugin('content-manager').apis as unknown as ContentManagerApis;
    contentManager.addEditViewSidePanel([ApprovalPanel]);
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => ({ data: prefixTranslations(await loadTranslations(locale)), locale })),
    );
  },
};
