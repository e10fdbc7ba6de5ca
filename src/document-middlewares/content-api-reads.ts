import type { Core } from '@strapi/strapi';
import { serviceUnavailableError } from '../common/errors';
import { assertReadQueryWithinLimits, DEFAULT_QUERY_LIMITS, type ModelLike, type QueryLimits, type ReadQuery } from '../lib/query-limits';
import { schemaOf } from '../lib/schemas';

type ReadContext = { uid: string; action: string; params: ReadQuery };
type RequestState = { state?: { route?: { info?: { type?: string } } } };

const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);
const QUERY_CANCELED = '57014';

/** The request being served, when it came through the content API (REST or GraphQL). */
const isContentApiRequest = (strapi: Core.Strapi): boolean =>
  (strapi.requestContext.get() as RequestState | undefined)?.state?.route?.info?.type === 'content-api';

const timeoutError = (ms: number) =>
  serviceUnavailableError(`The query took longer than ${ms / 1000} s and was stopped: narrow the filters or try again later`);

/**
 * Runs a read in its own transaction with `SET LOCAL statement_timeout` (PostgreSQL): the limit
 * then applies to every statement of that read, ends with it, and needs no second connection.
 * SQLite has no statement timeout; there the query limits alone bound the cost.
 */
const withStatementTimeout = async (strapi: Core.Strapi, ms: number, run: () => unknown): Promise<unknown> => {
  if (ms <= 0 || strapi.db.dialect.client !== 'postgres') return run();
  try {
    return await strapi.db.transaction(async ({ trx }) => {
      await trx.raw(`SET LOCAL statement_timeout = ${Math.floor(ms)}`);
      return run();
    });
  } catch (error) {
    if ((error as { code?: string }).code === QUERY_CANCELED) {
      strapi.log.warn(`[content-api] a read was stopped by the ${ms} ms statement timeout: ${strapi.requestContext.get()?.originalUrl ?? ''}`);
      throw timeoutError(ms);
    }
    throw error;
  }
};

/**
 * Every document-service read made for a content-API request (REST and GraphQL alike) is checked
 * against the query limits before it reaches the database, and bounded in time on PostgreSQL.
 */
export const registerContentApiReadGuard = (strapi: Core.Strapi): void => {
  const limits = (): QueryLimits => ({ ...DEFAULT_QUERY_LIMITS, ...strapi.config.get<Partial<QueryLimits>>('security.queryLimits', {}) });
  const getModel = (uid: string): ModelLike | undefined => schemaOf(strapi, uid);
  strapi.documents.use(async (context, next) => {
    // Strapi types `params` per UID and action, a union the guard does not need narrowed: it reads only the query keys.
    const { uid, action, params } = context as unknown as ReadContext;
    if (!READ_ACTIONS.has(action) || !isContentApiRequest(strapi)) return next();
    assertReadQueryWithinLimits(getModel, uid, params ?? {}, limits());
    return withStatementTimeout(strapi, strapi.config.get<number>('security.contentApiStatementTimeoutMs', 5000), next) as ReturnType<typeof next>;
  });
};
