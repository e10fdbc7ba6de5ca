import type { Core } from '@strapi/strapi';

/**
 * What the public may ask of the content API (README: "Security"). Every value has a default, so a
 * fresh clone needs no variable; `.env.example` lists them.
 */
const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  /** Bounds of one REST or GraphQL read (src/lib/query-limits.ts). */
  queryLimits: {
    maxBranches: env.int('QUERY_MAX_BRANCHES', 20),
    maxRelationFilters: env.int('QUERY_MAX_RELATION_FILTERS', 4),
    maxRelationDepth: env.int('QUERY_MAX_RELATION_DEPTH', 2),
    maxConditions: env.int('QUERY_MAX_CONDITIONS', 40),
    maxInValues: env.int('QUERY_MAX_IN_VALUES', 100),
    maxValueLength: env.int('QUERY_MAX_VALUE_LENGTH', 500),
    maxPopulateDepth: env.int('QUERY_MAX_POPULATE_DEPTH', 4),
    maxPopulatedRelations: env.int('QUERY_MAX_POPULATED_RELATIONS', 25),
    maxSorts: env.int('QUERY_MAX_SORTS', 5),
  },
  /**
   * PostgreSQL stops any statement of a content-API read after this long (0 turns it off), so a
   * read can never keep the database busy after its client has gone.
   */
  contentApiStatementTimeoutMs: env.int('CONTENT_API_STATEMENT_TIMEOUT_MS', 5000),
  /** Public self-registration of end-user accounts (`POST /api/auth/local/register`); nothing uses them yet. */
  usersRegistrationEnabled: env.bool('USERS_REGISTRATION_ENABLED', false),
  /**
   * Bounds of one GraphQL request, checked before it runs (src/graphql/request-guard.ts); the
   * `filters` of every field are held to `queryLimits` above.
   */
  graphql: {
    maxTokens: env.int('GRAPHQL_MAX_TOKENS', 10_000),
    maxFields: env.int('GRAPHQL_MAX_FIELDS', 500),
    maxRootFields: env.int('GRAPHQL_MAX_ROOT_FIELDS', 20),
    maxComplexity: env.int('GRAPHQL_MAX_COMPLEXITY', 10_000),
  },
});

export default config;
