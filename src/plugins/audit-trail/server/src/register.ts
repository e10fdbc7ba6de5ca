import type { Core } from '@strapi/strapi';
import { ENTRY_UID } from './constants';
import { contentManagerGuard, documentWriteGuard } from './guards';

type DocumentMiddleware = Parameters<Core.Strapi['documents']['use']>[0];

/** Keeps the entries out of reach of every write path, the content manager and GraphQL. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(documentWriteGuard as DocumentMiddleware);
  // Added before the configured middlewares: answers before any content-manager route runs.
  strapi.server.use(contentManagerGuard);
  if (strapi.plugin('graphql')) {
    const extension = strapi.plugin('graphql').service('extension') as { shadowCRUD(uid: string): { disable(): void } };
    extension.shadowCRUD(ENTRY_UID).disable();
  }
};
