import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { parse, type DocumentNode, type GraphQLFormattedError } from 'graphql';
import type { Middleware, RequestContext } from '../common/http';
import { matchedRoutePaths } from '../lib/route-match';
import { documentShapeError } from './document-shape';
import { graphqlLimits } from './limits';

/** The answer to a refused document, kept small: no reference to its syntax tree. */
type Refusal = { status: number; body: { errors: GraphQLFormattedError[] } };

/**
 * The body parser of the GraphQL route itself (the graphql plugin's bootstrap puts it in front of
 * Apollo, configured by `apolloServer.bodyParserConfig`), required from the plugin's dependencies.
 */
const koaBodyParser = require('koa-bodyparser') as (options?: object) => Middleware;

/** Distinct query strings whose verdict is remembered (a hash and, for a refusal, its short answer). */
const VERDICT_CACHE_SIZE = 1000;

/**
 * The query strings Apollo may execute for this request, read as Apollo reads them: the `query`
 * search parameter (GET), the body's `query`, each of a batch's. Both places are read whatever the
 * method: checking a string Apollo then ignores costs nothing.
 */
const queriesOf = (ctx: RequestContext): string[] => {
  const body = ctx.request.body;
  const fromBody = (Array.isArray(body) ? body : [body]).map((item) => (item as { query?: unknown } | undefined)?.query);
  return [...new URLSearchParams(ctx.querystring).getAll('query'), ...fromBody].filter((query): query is string => typeof query === 'string');
};

/**
 * The Koa half of the GraphQL guard: refuses, before Apollo sees them, documents that graphql's
 * validation cannot survive (document-shape.ts). It must run before Apollo: an Apollo plugin can
 * only throw from `validationDidStart`, which Apollo answers with a 500. The route is matched as
 * Koa's router matches it (any letter case, trailing slash, any method), and the verdict of each
 * query string is remembered by its hash, so a front end's repeated query is parsed here only
 * once; the other checks run in the Apollo plugin on Apollo's own parse (request-guard.ts).
 */
export const createDocumentGuard = (strapi: Core.Strapi): Middleware => {
  const verdicts = new Map<string, Refusal | null>();
  const graphql = strapi.plugin('graphql');
  const endpoint = graphql?.config<string>('endpoint');
  // strapi::body leaves the body of exactly `/graphql` to this parser; it is run here, with the
  // route's own settings, so the body checked is the body Apollo executes (the route's copy then
  // sees a parsed body and does nothing).
  const bodyParserConfig = graphql?.config<{ bodyParserConfig?: boolean | object }>('apolloServer', {})?.bodyParserConfig ?? true;
  const parseBody = bodyParserConfig === false ? undefined : koaBodyParser(bodyParserConfig === true ? undefined : bodyParserConfig);

  const isGraphqlRoute = (ctx: RequestContext) =>
    endpoint !== undefined && matchedRoutePaths(strapi, ctx).includes(endpoint);

  const refusalOf = (query: string): Refusal | null => {
    const limits = graphqlLimits(strapi);
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: limits.maxTokens });
    } catch {
      // A syntax error, or too many tokens: Apollo's parser answers that with its own 400.
      return null;
    }
    const error = documentShapeError(document, limits);
    if (!error) return null;
    const { http, ...extensions } = error.extensions as { http?: { status?: number } };
    return { status: http?.status ?? 400, body: { errors: [{ ...error.toJSON(), extensions }] } };
  };

  const verdict = (query: string): Refusal | null => {
    const key = crypto.createHash('sha256').update(query).digest('base64');
    let refusal = verdicts.get(key);
    if (refusal === undefined) refusal = refusalOf(query);
    else verdicts.delete(key);
    if (verdicts.size >= VERDICT_CACHE_SIZE) verdicts.delete(verdicts.keys().next().value as string);
    verdicts.set(key, refusal);
    return refusal;
  };

  return async (ctx, next) => {
    if (!isGraphqlRoute(ctx)) return next();
    if (ctx.request.body === undefined && parseBody) await parseBody(ctx, async () => undefined);
    for (const query of queriesOf(ctx)) {
      const refusal = verdict(query);
      if (!refusal) continue;
      ctx.status = refusal.status;
      ctx.body = refusal.body;
      return undefined;
    }
    return next();
  };
};
