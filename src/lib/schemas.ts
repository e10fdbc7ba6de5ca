import type { Core, Struct, UID } from '@strapi/strapi';

export type AnySchema = Struct.ContentTypeSchema | Struct.ComponentSchema;

/**
 * A schema looked up by a UID that arrives as data (a matched route, a GraphQL filter type, a
 * document-service call). Strapi types `getModel` by literal UID, which such a string cannot be:
 * this is the one place the key is widened, and an unknown UID answers `undefined`.
 */
export const schemaOf = (strapi: Core.Strapi, uid: string): AnySchema | undefined =>
  (strapi.getModel(uid as UID.Schema) as AnySchema | undefined) ?? undefined;

/** Every content-type schema (the app's, the plugins' and Strapi's own). */
export const contentTypeSchemas = (strapi: Core.Strapi): Struct.ContentTypeSchema[] => Object.values(strapi.contentTypes);
