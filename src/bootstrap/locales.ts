import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE, LOCALES } from '../common/uids';

/**
 * Makes `vi` (default) and `en` exist. The default is set only when `vi` is first created, so a
 * choice made later in Settings → Internationalization is not overridden at the next boot.
 */
export const ensureLocales = async (strapi: Core.Strapi): Promise<void> => {
  const locales = strapi.plugin('i18n').service('locales');
  for (const { code, name } of LOCALES) {
    if (await locales.findByCode(code)) continue;
    await locales.create({ code, name });
    if (code === DEFAULT_LOCALE) await locales.setDefaultLocale({ code });
  }
};
