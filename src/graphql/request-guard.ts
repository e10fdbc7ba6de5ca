import type { ApolloServerPlugin, GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import type { Core } from '@strapi/strapi';
import { errors, pagination, policy } from '@strapi/utils';
import { getVariableValues, type OperationDefinitionNode } from 'graphql';
import { assertReadQueryWithinLimits, DEFAULT_QUERY_LIMITS, type ModelLike, type QueryLimits } from '../lib/query-limits';
import { schemaOf } from '../lib/schemas';
import { graphqlLimits } from './limits';
import { analyseOperation, type FilterSite, type OperationAnalysis, type PublicationSite } from './operation-analysis';
import { forbidden, overLimit } from './request-errors';

/** What Strapi's graphql plugin puts in Apollo's context (see its bootstrap). */
type StrapiGraphqlContext = { state: Record<string, unknown>; koaContext: unknown };
type Naming = { getFiltersInputTypeName: (model: unknown) => string };
type ApolloConfig = { plugins?: unknown[]; parseOptions?: Record<string, unknown> };
type PolicyHandler = (context: unknown, config: unknown, options: { strapi: Core.Strapi }) => unknown;

const PUBLISHED_ONLY_POLICY = 'global::published-only';
const DOCUMENT_GUARD_MIDDLEWARE = 'global::graphql-document-guard';

/**
 * The checks every GraphQL operation passes once Apollo has parsed and validated it, before it
 * runs, as an Apollo plugin: whatever method or path spelling brought the request to Apollo, it
 * goes through this hook, with Apollo's own parse and coerced variables. (Documents that
 * validation itself cannot survive are refused earlier, by document-guard.ts.)
 * - root fields (aliases included) and the estimated rows (operation-analysis.ts);
 * - the `filters`/`sort` of every field, nested ones included, held to the query limits REST has,
 *   against the field's own content type: nested relation fields are loaded without the document
 *   service, so its read guard never sees them;
 * - the `published-only` policy for every field given a publication argument, nested ones included.
 */
export const createRequestGuard = (strapi: Core.Strapi): ApolloServerPlugin<StrapiGraphqlContext> => {
  // Keyed by the operation node of Apollo's cached document: the entries go with Apollo's own
  // bounded document cache. Only operations without variables are kept; the rest are walked again.
  const analyses = new WeakMap<OperationDefinitionNode, OperationAnalysis>();
  let uidsByFiltersType: Map<string, string> | undefined;

  const graphqlConfig = <T>(key: string) => strapi.plugin('graphql').config<T>(key);
  const pageSize = (args: unknown): number => {
    const maxLimit = graphqlConfig<number>('maxLimit');
    const defaultLimit = graphqlConfig<number>('defaultLimit');
    try {
      const { limit } = pagination.withDefaultPagination((args ?? {}) as Record<string, number>, {
        maxLimit,
        defaults: { offset: { limit: defaultLimit }, page: { pageSize: defaultLimit } },
      }) as { limit?: number };
      return typeof limit === 'number' && limit >= 0 ? limit : Number.POSITIVE_INFINITY;
    } catch {
      // Page and offset pagination together: Strapi refuses the field itself.
      return 0;
    }
  };

  const uidOfFiltersType = (typeName: string): string | undefined => {
    if (!uidsByFiltersType) {
      const naming = strapi.plugin('graphql').service('utils').naming as Naming;
      const models = [...Object.values(strapi.contentTypes), ...Object.values(strapi.components)] as Array<{ uid: string }>;
      uidsByFiltersType = new Map(models.map((model) => [naming.getFiltersInputTypeName(model), model.uid]));
    }
    return uidsByFiltersType.get(typeName);
  };

  const analysisOf = (
    { schema, document, request }: GraphQLRequestContextDidResolveOperation<StrapiGraphqlContext>,
    operation: OperationDefinitionNode,
  ) => {
    const cacheable = (operation.variableDefinitions ?? []).length === 0;
    const cached = cacheable ? analyses.get(operation) : undefined;
    if (cached) return cached;
    const variables = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}, { maxErrors: 1 });
    // Variables that do not coerce are answered 400 by Apollo before anything is resolved.
    if (!variables.coerced) return undefined;
    const analysis = analyseOperation(schema, document, operation, variables.coerced, pageSize);
    if (cacheable) analyses.set(operation, analysis);
    return analysis;
  };

  const assertFilters = (site: FilterSite, limits: QueryLimits) => {
    const uid = uidOfFiltersType(site.filtersType);
    if (!uid) return;
    const getModel = (modelUid: string): ModelLike | undefined => schemaOf(strapi, modelUid);
    try {
      assertReadQueryWithinLimits(getModel, uid, { filters: site.args.filters, sort: site.args.sort }, limits, '');
    } catch (error) {
      if (!(error instanceof errors.ValidationError)) throw error;
      const details = error.details as { path?: string; rule: string };
      throw overLimit(`${site.path}: ${error.message}`, { rule: details.rule, path: `${site.path}.${details.path ?? ''}` });
    }
  };

  /** Runs the very policy the REST routes and root resolvers use, so there is one rule for drafts. */
  const assertPublishedOnly = async (site: PublicationSite, context: StrapiGraphqlContext) => {
    const [{ handler, config }] = strapi.get('policies').resolve([PUBLISHED_ONLY_POLICY], {}) as Array<{ handler: PolicyHandler; config: unknown }>;
    const policyContext = policy.createPolicyContext('graphql', { args: site.args, state: context.state, http: context.koaContext });
    try {
      if ((await handler(policyContext, config, { strapi })) === false) throw new errors.PolicyError();
    } catch (error) {
      if (!(error instanceof errors.ForbiddenError)) throw error;
      throw forbidden(`${site.path}: ${error.message}`, { ...(error.details as object), path: site.path });
    }
  };

  return {
    async requestDidStart() {
      return {
        async didResolveOperation(requestContext) {
          // No operation (an unknown operationName): execution answers that itself.
          if (!requestContext.operation) return;
          const analysis = analysisOf(requestContext, requestContext.operation);
          if (!analysis) return;
          const limits = graphqlLimits(strapi);
          if (analysis.rootFields > limits.maxRootFields) {
            throw overLimit(`The operation has ${analysis.rootFields} root fields (aliases included); at most ${limits.maxRootFields} are allowed`, {
              rule: 'maxRootFields',
              path: '',
            });
          }
          if (analysis.complexity > limits.maxComplexity) {
            throw overLimit(
              `The operation may read about ${analysis.complexity} rows (page sizes multiplied through nested lists); at most ${limits.maxComplexity} are allowed: ask for smaller pages or fewer nested lists`,
              { rule: 'maxComplexity', path: '' },
            );
          }
          const queryLimits: QueryLimits = { ...DEFAULT_QUERY_LIMITS, ...strapi.config.get<Partial<QueryLimits>>('security.queryLimits', {}) };
          for (const site of analysis.filterSites) assertFilters(site, queryLimits);
          for (const site of analysis.publicationSites) await assertPublishedOnly(site, requestContext.contextValue);
        },
      };
    },
  };
};

/**
 * Adds the request guard to the Apollo server Strapi's graphql plugin starts at bootstrap (it
 * concatenates `apolloServer.plugins` with its own), and bounds the parser with `maxTokens`.
 */
export const registerGraphqlRequestGuard = (strapi: Core.Strapi): void => {
  if (!strapi.plugin('graphql')) return;
  const middlewares = strapi.config.get<Array<string | { name?: string }>>('middlewares', []);
  if (!middlewares.some((middleware) => middleware === DOCUMENT_GUARD_MIDDLEWARE || (typeof middleware === 'object' && middleware.name === DOCUMENT_GUARD_MIDDLEWARE))) {
    // Without it one fragment cycle is a 500 and one fragment bomb blocks the server for minutes.
    throw new Error(`${DOCUMENT_GUARD_MIDDLEWARE} is missing from config/middlewares.ts (it belongs right after strapi::body)`);
  }
  const key = 'plugin::graphql.apolloServer';
  const apollo = strapi.config.get<ApolloConfig>(key, {});
  strapi.config.set(key, {
    ...apollo,
    parseOptions: { ...apollo.parseOptions, maxTokens: graphqlLimits(strapi).maxTokens },
    plugins: [...(apollo.plugins ?? []), createRequestGuard(strapi)],
  });
};
