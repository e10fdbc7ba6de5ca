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

/** Several windows (per minute, per day) of one client, counted together. */
export type WindowsLimiter = { consume(key: string): Promise<RateDecision> };

type WindowRow = Record<string, string | number | null>;

/**
 * PostgreSQL: every window consumed in **one** statement (one round trip instead of one per window),
 * with the semantics of `consumeAll` over rate-limiter-flexible's own upsert, on its own table and
 * keys (`<keyPrefix>:<key>`, points, expire in ms), so the two can share counters: a window is only
 * consumed when every window before it allowed the request (a request the minute refuses does not
 * count against the day). Hand-written because the library consumes one key per query.
 */
const consumeInOneStatement = async (strapi: Core.Strapi, table: string, windows: readonly LimitWindow[], key: string): Promise<RateDecision> => {
  const schemaName = strapi.config.get<string | undefined>('database.connection.connection.schema');
  const identifier = schemaName ? `${schemaName}.${table}` : table;
  const now = Date.now();
  const bindings: unknown[] = [];
  const upsert = (source: string) =>
    `INSERT INTO ?? AS t (key, points, expire) ${source}
       ON CONFLICT (key) DO UPDATE SET
         points = CASE WHEN t.expire <= ? THEN 1 ELSE t.points + 1 END,
         expire = CASE WHEN t.expire <= ? THEN EXCLUDED.expire ELSE t.expire END
       RETURNING points, expire`;
  const ctes = windows.map((window, index) => {
    const expire = now + window.durationSeconds * 1000;
    if (index === 0) {
      bindings.push(identifier, `${window.keyPrefix}:${key}`, expire, now, now);
      return `w0 AS (${upsert('VALUES (?, 1, ?)')})`;
    }
    // Only when the window before allowed it (its points within its limit; NULL when it was not consumed either).
    bindings.push(identifier, `${window.keyPrefix}:${key}`, expire, windows[index - 1].points, now, now);
    return `w${index} AS (${upsert(`SELECT ?, 1, ? WHERE (SELECT points FROM w${index - 1}) <= ?`)})`;
  });
  const columns = windows.map((_, index) => `(SELECT points FROM w${index}) AS p${index}, (SELECT expire FROM w${index}) AS e${index}`).join(', ');
  const result = (await strapi.db.connection.raw(`WITH ${ctes.join(', ')} SELECT ${columns}`, bindings as never)) as { rows: WindowRow[] };
  const row = result.rows[0];
  for (let index = 0; index < windows.length; index += 1) {
    if (Number(row[`p${index}`]) > windows[index].points) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((Number(row[`e${index}`]) - Date.now()) / 1000)) };
    }
  }
  return { allowed: true };
};

/**
 * The limiter of a route's windows, stored in the app's database (see `createStoreLimiter`). On
 * PostgreSQL it consumes all windows in one statement (the library's limiters still create the
 * table); elsewhere through rate-limiter-flexible, one window after the other. When the store fails,
 * memory limiters still limit the request, on this node.
 */
export const createWindowsLimiter = async (strapi: Core.Strapi, table: string, windows: readonly LimitWindow[]): Promise<WindowsLimiter> => {
  const limiters = await Promise.all(windows.map((window) => createStoreLimiter(strapi, table, window)));
  const stored = limiters.every((limiter) => !(limiter instanceof RateLimiterMemory));
  if (strapi.db.dialect.client !== 'postgres' || !stored) return { consume: (key) => consumeAll(limiters, key) };
  const insurance = windows.map((window) => new RateLimiterMemory({ keyPrefix: window.keyPrefix, points: window.points, duration: window.durationSeconds }));
  return {
    async consume(key) {
      try {
        return await consumeInOneStatement(strapi, table, windows, key);
      } catch (error) {
        strapi.log.warn(`[rate-limit] ${table} unavailable (${String(error)}); limiting in memory on this node`);
        return consumeAll(insurance, key);
      }
    },
  };
};

/** Deletes the counters whose window ended more than an hour ago (run from a daily cron task). */
export const clearExpiredCounters = async (strapi: Core.Strapi, table: string): Promise<void> => {
  if (!(await strapi.db.connection.schema.hasTable(table))) return;
  await strapi.db.connection(table).where('expire', '<', Date.now() - 3_600_000).delete();
};
