import type { Core } from '@strapi/strapi';
import { PLUGIN_CONTENT_TYPE_UIDS } from './constants';
import { contentManagerGuard, documentWriteGuard } from './middlewares/guard-plugin-tables';
import { publicationMiddleware } from './publication-middleware';

/** Hooks publications, and keeps the plugin's tables out of the content manager and GraphQL. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(documentWriteGuard as never);
  strapi.documents.use(publicationMiddleware(strapi) as never);
  // Added before the configured middlewares: answers before any content-manager route runs.
  strapi.server.use(contentManagerGuard as never);

  if (strapi.plugin('graphql')) {
    const extension = strapi.plugin('graphql').service('extension') as { shadowCRUD(uid: string): { disable(): void } };
    for (const uid of PLUGIN_CONTENT_TYPE_UIDS) extension.shadowCRUD(uid).disable();
  }
};
