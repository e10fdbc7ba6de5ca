import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from './constants';
import { getService } from './utils/get-service';

/**
 * Permission actions, the locale listener, and a word about configured content types that do not
 * exist (yet). The roles are not created here: see `roles.ensureRoles()`, which the application's
 * bootstrap calls once the admin has created its own default roles.
 */
const bootstrap = async ({ strapi }: { strapi: Core.Strapi }): Promise<void> => {
  const unknown = getService(strapi, 'settings').unknownUids();
  if (unknown.length > 0) {
    strapi.log.warn(`[${PLUGIN_ID}] configured content types not found, ignored until they exist: ${unknown.join(', ')}`);
  }
  await getService(strapi, 'roles').registerActions();

  // i18n writes locales through the query engine, so only a database lifecycle sees a new one.
  strapi.db.lifecycles.subscribe({
    models: ['plugin::i18n.locale'],
    async afterCreate(event) {
      const code = (event.result as { code?: string } | undefined)?.code;
      if (code) await getService(strapi, 'roles').followNewLocale(code);
    },
  });
};

export default bootstrap;
