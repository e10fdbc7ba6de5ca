import type { Core } from '@strapi/strapi';
import { OWN_UIDS } from './constants';
import { createDocumentGuard } from './middlewares/document-guard';

/** Wires the document-service guard before any content is written, and keeps the plugin's tables out of GraphQL. */
const register = ({ strapi }: { strapi: Core.Strapi }): void => {
  strapi.documents.use(createDocumentGuard(strapi) as Parameters<typeof strapi.documents.use>[0]);

  // The audit trail is read through the admin API only; GraphQL would otherwise expose it (and
  // offer mutations the guard would then have to refuse).
  const graphql = strapi.plugin('graphql');
  if (graphql) {
    const extension = graphql.service('extension') as { shadowCRUD: (uid: string) => { disable: () => void } };
    for (const uid of OWN_UIDS) extension.shadowCRUD(uid).disable();
  }
};

export default register;
