import type { Core } from '@strapi/strapi';

const QUERIES = ['policy', 'policies', 'policies_connection', 'consultationDraft', 'consultationDrafts', 'consultationDrafts_connection'];

/** GraphQL twin of the REST routes' `published-only` policy: drafts only with an API token. */
export const registerGraphqlPublishedOnly = (strapi: Core.Strapi): void => {
  const graphql = strapi.plugin('graphql');
  if (!graphql) return;
  graphql.service('extension').use(() => ({
    resolversConfig: Object.fromEntries(
      QUERIES.map((query) => [`Query.${query}`, { policies: ['global::published-only'] }]),
    ),
  }));
};
