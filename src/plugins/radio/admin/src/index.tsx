import type { StrapiApp } from '@strapi/strapi/admin';
import { PolicyRadioPanel } from './components/PolicyRadioPanel';
import { RadioScriptPanel } from './components/RadioScriptPanel';
import { PLUGIN_ID } from './pluginId';

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
    app.registerPlugin({ id: PLUGIN_ID, name: 'Radio' });
  },

  bootstrap(app: StrapiApp) {
    // Strapi types a plugin's `apis` as a plain record; the content manager's panel API is declared here.
    const contentManager = app.getPlugin('content-manager').apis as unknown as ContentManagerApis;
    contentManager.addEditViewSidePanel([RadioScriptPanel, PolicyRadioPanel]);
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        const messages = await loadTranslations(locale);
        return { data: Object.fromEntries(Object.entries(messages).map(([key, value]) => [`${PLUGIN_ID}.${key}`, value])), locale };
      }),
    );
  },
};
