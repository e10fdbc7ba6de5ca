import type { Core } from '@strapi/strapi';
import { PLUGIN_CONTENT_TYPE_UIDS } from './constants';
import { contentManagerGuard, documentWriteGuard } from './middlewares/guard-plugin-tables';
import { publicationMiddleware } from './publication-middleware';

/**
 * Strapi's document-middleware type. Its result is a union per action that a pass-through
 * middleware (returning whatever `next()` gave) cannot name, so the plugin's middlewares are
 * written against `unknown` and cast once, here.
 */
type DocumentMiddleware = Parameters<Core.Strapi['documents']['use']>[0];

/** Hooks publications, and keeps the plugin's tables out of the content manager and GraphQL. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(documentWriteGuard as DocumentMiddleware);
  strapi.documents.use(publicationMiddleware(strapi) as DocumentMiddleware);
  // Added before the configured middlewares: answers before any content-manager route runs.
  strapi.server.use(contentManagerGuard);

  if (strapi.plugin('graphql')) {
    const extension = strapi.plugin('graphql').service('extension') as { shadowCRUD(uid: string): { disable(): void } };
    for (const uid of PLUGIN_CONTENT_TYPE_UIDS) extension.shadowCRUD(uid).disable();
  }
};
