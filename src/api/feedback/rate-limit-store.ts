import type { Core } from '@strapi/strapi';
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  RateLimiterSQLite,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';

export type LimitWindow = { keyPrefix: string; points: number; durationSeconds: number };

/** Outcome of `consumeAll`: allowed, or refused with the seconds to wait. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * A counter stored in the app's own database, so every node behind the load balancer shares the
 * same limits (PostgreSQL in production; the SQLite file when running embedded). A memory limiter
 * insures it: if the store fails the request is still limited, per node, rather than answered 500.
 */
export const createStoreLimiter = (strapi: Core.Strapi, table: string, window: LimitWindow): Promise<RateLimiterAbstract> => {
  const options = { keyPrefix: window.keyPrefix, points: window.points, duration: window.durationSeconds };
  const insuranceLimiter = new RateLimiterMemory(options);
  const knex = strapi.db.connection;
  const client = strapi.db.dialect.client;
  return new Promise((resolve) => {
    const ready = (error?: unknown) => {
      if (!error) return resolve(limiter);
      strapi.log.warn(`[rate-limit] ${table} unavailable (${String(error)}); limiting in memory on this node`);
      resolve(insuranceLimiter);
    };
    const common = { ...options, storeClient: knex, storeType: 'knex', tableName: table, clearExpiredByTimeout: false, insuranceLimiter };
    let limiter: RateLimiterAbstract;
    if (client === 'postgres') {
      const schemaName = strapi.config.get<string | undefined>('database.connection.connection.schema');
      limiter = new RateLimiterPostgres({ ...common, ...(schemaName ? { schemaName } : {}) }, ready);
    } else if (client === 'sqlite') {
      limiter = new RateLimiterSQLite(common, ready);
    } else {
      limiter = insuranceLimiter;
      resolve(limiter);
    }
  });
};

/**
 * Consumes one point from each window in order (per minute, then per day); the first window that
 * is exhausted refuses the request and says how long to wait.
 */
export const consumeAll = async (limiters: readonly RateLimiterAbstract[], key: string): Promise<RateDecision> => {
  for (const limiter of limiters) {
    try {
      await limiter.consume(key);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
      }
      throw rejection;
    }
  }
  return { allowed: true };
};

/** Deletes the counters whose window ended more than an hour ago (run from a daily cron task). */
export const clearExpiredCounters = async (strapi: Core.Strapi, table: string): Promise<void> => {
  if (!(await strapi.db.connection.schema.hasTable(table))) return;
  await strapi.db.connection(table).where('expire', '<', Date.now() - 3_600_000).delete();
};
