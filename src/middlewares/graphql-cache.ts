import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { getOperationAST, parse } from 'graphql';
import { LRUCache } from 'lru-cache';
import { PUBLIC_ACTIONS } from '../bootstrap/public-permissions';
import type { Next, RequestContext } from '../common/http';
import { etagOf, readCacheOf, serialisedBody } from '../lib/read-cache';
import { dependencyGraph } from '../lib/read-cache-invalidation';
import { matchedRoutePaths } from '../lib/route-match';

type GraphqlRequest = { query?: unknown; variables?: unknown; operationName?: unknown };

/** Distinct query strings whose operation type is remembered (parsing is most of a hit's cost otherwise). */
const OPERATION_CACHE_SIZE = 1000;

/**
 * Every type an anonymous GraphQL answer can hold: the content types the Public role may read
 * (PUBLIC_ACTIONS, kept by code at boot) and everything they populate. Feedback is not one of them,
 * so a citizen's submission does not clear these answers.
 */
const publicDependencies = (strapi: Core.Strapi): ReadonlySet<string> => {
  const graph = dependencyGraph(strapi);
  const readable = PUBLIC_ACTIONS.filter((action) => action.endsWith('.find')).map((action) => action.slice(0, action.lastIndexOf('.')));
  return new Set(readable.flatMap((uid) => [...(graph.get(uid) ?? [uid])]));
};

/**
 * The read cache (src/lib/read-cache.ts) for anonymous GraphQL queries. Strapi's GraphQL plugin
 * resolves each relation of each entry with its own queries (a list of 25 policies with `leadAgency`
 * and `audiences` is about 107 statements on PostgreSQL, ~30 ms), so integrators reading GraphQL got
 * a thirtieth of what REST served. A query answered without errors is kept under a hash of its
 * document, variables, operation name and `Accept` header, and cleared with the REST answers, on
 * every node, when any content type the public can read changes (or a permission: everything).
 *
 * Only what Apollo answers the same to every anonymous caller: a POST with a JSON body holding one
 * operation of type `query`, no `Authorization` header. Mutations, batches, GET requests, other body
 * types (Apollo's CSRF rules) and answers with errors always reach Apollo. A hit skips Apollo's
 * plugins (the request guard's limits): the same text passed them when it was stored.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const cache = readCacheOf(strapi);
  const endpoint = strapi.plugin('graphql')?.config<string>('endpoint');
  const operations = new LRUCache<string, boolean>({ max: OPERATION_CACHE_SIZE });
  let dependsOn: ReadonlySet<string> | undefined;

  /** Whether the operation Apollo would run is a query (a syntax error: no, Apollo answers it). */
  const isQuery = (query: string, operationName: string | undefined): boolean => {
    const key = `${operationName ?? ''}\u0000${query}`;
    let verdict = operations.get(key);
    if (verdict === undefined) {
      try {
        verdict = getOperationAST(parse(query), operationName)?.operation === 'query';
      } catch {
        verdict = false;
      }
      operations.set(key, verdict);
    }
    return verdict;
  };

  const cacheKey = (ctx: RequestContext, request: GraphqlRequest): string | undefined => {
    if (!cache.enabled || endpoint === undefined || ctx.method !== 'POST' || ctx.get('authorization')) return undefined;
    if (!ctx.is('application/json') || !matchedRoutePaths(strapi, ctx).includes(endpoint)) return undefined;
    const { query, variables, operationName } = request ?? {};
    if (Array.isArray(request) || typeof query !== 'string') return undefined;
    if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return undefined;
    if (!isQuery(query, operationName ?? undefined)) return undefined;
    const identity = JSON.stringify([query, variables ?? null, operationName ?? null, ctx.get('accept')]);
    return `graphql ${createHash('sha256').update(identity).digest('base64url')}`;
  };

  return async (ctx: RequestContext, next: Next) => {
    const key = cacheKey(ctx, ctx.request.body as GraphqlRequest);
    if (!key) return next();
    const hit = cache.get(key);
    if (hit) {
      ctx.status = 200;
      ctx.set('Content-Type', hit.contentType);
      ctx.set('X-Read-Cache', 'hit');
      ctx.body = hit.body;
      return undefined;
    }
    const generation = cache.generation();
    await next();
    if (ctx.status !== 200) return undefined;
    const body = serialisedBody(ctx.body);
    if (body === undefined) return undefined;
    let answer: { data?: unknown; errors?: unknown };
    try {
      answer = JSON.parse(body) as typeof answer;
    } catch {
      return undefined;
    }
    if (answer.errors !== undefined || answer.data === undefined || answer.data === null) return undefined;
    dependsOn ??= publicDependencies(strapi);
    const contentType = ctx.response.get('Content-Type') || 'application/json; charset=utf-8';
    cache.set(key, { body, contentType, etag: etagOf(body), dependsOn }, generation);
    ctx.set('X-Read-Cache', 'miss');
    return undefined;
  };
};
