import type { Core } from '@strapi/strapi';
import { createDocumentGuard } from '../graphql/document-guard';

/** `global::graphql-document-guard`: see src/graphql/document-guard.ts. */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => createDocumentGuard(strapi);
