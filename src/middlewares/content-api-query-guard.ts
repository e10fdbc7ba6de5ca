import type { Core } from '@strapi/strapi';
import { assertReadQueryWithinLimits, DEFAULT_QUERY_LIMITS, type ModelLike, type QueryLimits, type ReadQuery } from '../lib/query-limits';
import { matchedRoutePaths } from '../lib/route-match';
import type { Next, RequestContext } from '../common/http';
import { contentTypeSchemas, schemaOf } from '../lib/schemas';

/**
 * Checks the query string of a content-API read against the query limits before Strapi's own
 * validation and sanitization, which answer 500 to some shapes (`filters[x][$between]=`, `_q[0]=`).
 * The document-service guard (src/document-middlewares/content-api-reads.ts) checks again what
 * actually reaches the database, for GraphQL and for custom controllers too.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const prefix = strapi.config.get<string>('api.rest.prefix', '/api');
  const getModel = (uid: string): ModelLike | undefined => schemaOf(strapi, uid);
  let uidByRoute: Map<string, string> | undefined;
  const routes = () => {
    uidByRoute ??= new Map(
      contentTypeSchemas(strapi)
        .filter((schema) => schema.uid.startsWith('api::') && schema.info?.pluralName)
        .flatMap((schema) => [`${prefix}/${schema.info?.pluralName}`, `${prefix}/${schema.info?.pluralName}/:id`].map((path) => [path, schema.uid] as const)),
    );
    return uidByRoute;
  };

  return async (ctx: RequestContext, next: Next) => {
    if (ctx.method !== 'GET' || !ctx.path.toLowerCase().startsWith(`${prefix}/`)) return next();
    const uid = matchedRoutePaths(strapi, ctx)
      .map((path) => routes().get(path))
      .find(Boolean);
    if (uid) {
      const limits: QueryLimits = { ...DEFAULT_QUERY_LIMITS, ...strapi.config.get<Partial<QueryLimits>>('security.queryLimits', {}) };
      assertReadQueryWithinLimits(getModel, uid, ctx.query, limits);
    }
    return next();
  };
};
