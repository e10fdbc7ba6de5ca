/**
 * A plugin admin's `registerTrads`: each locale's messages from `load` (the plugin's own
 * `import(\`./translations/${locale}.json\`)`, which must stay in the plugin for the bundler), keys
 * prefixed with the plugin id; a locale the plugin has no file for gets none (Strapi falls back to
 * the default messages).
 */
export const pluginTranslations =
  (pluginId: string, load: (locale: string) => Promise<{ default: Record<string, string> }>) =>
  async ({ locales }: { locales: string[] }) =>
    Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: messages } = await load(locale);
          return { data: Object.fromEntries(Object.entries(messages).map(([key, value]) => [`${pluginId}.${key}`, value])), locale };
        } catch {
          return { data: {}, locale };
        }
      }),
    );
