import { PLUGIN_ID } from '../pluginId';

/** Translation ids are namespaced by the plugin id, as the admin expects. */
export const getTranslation = (id: string) => `${PLUGIN_ID}.${id}`;

/** Prefixes every key of a translation file with the plugin id. */
export const prefixTranslations = (messages: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(messages).map(([key, value]) => [getTranslation(key), value]));
