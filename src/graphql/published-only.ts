import type { Core } from '@strapi/strapi';
import { contentTypeSchemas } from '../lib/schemas';

type ContentTypeLike = { kind?: string };
type Naming = Record<'getFindOneQueryName' | 'getFindQueryName' | 'getFindConnectionQueryName', (contentType: ContentTypeLike) => string>;

/**
 * The `Query` fields Strapi generates for every content type (single, list, `_connection`), so a
 * new content type is guarded without anyone listing it. Types without draft & publish are
 * guarded too: their `status` is inherited by the draft & publish relations below them
 * (see association.js in @strapi/plugin-graphql).
 */
const contentTypeQueries = (strapi: Core.Strapi): string[] => {
  const naming = strapi.plugin('graphql').service('utils').naming as Naming;
  return contentTypeSchemas(strapi).flatMap((contentType) =>
    contentType.kind === 'singleType'
      ? [naming.getFindOneQueryName(contentType)]
      : [naming.getFindOneQueryName(contentType), naming.getFindQueryName(contentType), naming.getFindConnectionQueryName(contentType)],
  );
};

/**
 * GraphQL twin of the REST routes' `published-only` policy: drafts only with an API token. The
 * request guard (request-guard.ts) applies the same policy to every field of a document before it
 * runs; this resolver-level copy keeps root queries covered should the guard ever be bypassed.
 */
export const registerGraphqlPublishedOnly = (strapi: Core.Strapi): void => {
  const graphql = strapi.plugin('graphql');
  if (!graphql) return;
  graphql.service('extension').use(() => ({
    resolversConfig: Object.fromEntries(
      contentTypeQueries(strapi).map((query) => [`Query.${query}`, { policies: ['global::published-only'] }]),
    ),
  }));
};
