import type { StrapiApp } from '@strapi/strapi/admin';
import { MembersPanel } from './components/MembersPanel';
import { PLUGIN_ID, t } from './pluginId';

type ContentManagerApis = { addEditViewSidePanel: (panels: unknown[]) => void };

const prefixed = (messages: Record<string, string>) =>
  Object.fromEntries(Object.entries(messages).map(([key, value]) => [t(key), value]));

export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
  },

  bootstrap(app: StrapiApp) {
    // Strapi types a plugin's `apis` as a plain record; the content manager's panel API is declared here.
    const contentManager = app.getPlugin('content-manager').apis as unknown as ContentManagerApis;
    contentManager.addEditViewSidePanel([MembersPanel]);
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
