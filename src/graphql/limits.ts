import type { Core } from '@strapi/strapi';

/** Bounds of one GraphQL request, checked before it runs (`security.graphql` in config/security.ts). */
export type GraphqlLimits = {
  /** Tokens of the query document; graphql's parser stops beyond them. */
  maxTokens: number;
  /** Field selections of the document with every fragment spread expanded, across its operations. */
  maxFields: number;
  /** Fields and aliases at the root of the operation (each is a separate database read). */
  maxRootFields: number;
  /** Estimated rows the operation may read: every list multiplies its selection by its page size. */
  maxComplexity: number;
};

export const DEFAULT_GRAPHQL_LIMITS: GraphqlLimits = {
  maxTokens: 10_000,
  maxFields: 500,
  maxRootFields: 20,
  maxComplexity: 10_000,
};

/** The configured limits, each falling back to its default. */
export const graphqlLimits = (strapi: Core.Strapi): GraphqlLimits => ({
  ...DEFAULT_GRAPHQL_LIMITS,
  ...strapi.config.get<Partial<GraphqlLimits>>('security.graphql', {}),
});
