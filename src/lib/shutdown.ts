import type { Core } from '@strapi/strapi';

type Pool = { numUsed: () => number; numPendingAcquires: () => number; numPendingCreates: () => number };

/**
 * Waits (bounded) until no query holds or waits for a database connection. Strapi emits its
 * `entry.*` events after commit without awaiting them; closing the pool under such a query fails
 * it ("Timeout acquiring a connection"). Called from the app's `destroy`, before Strapi closes the
 * database, so a shutdown lets in-flight work finish instead of breaking it.
 */
export const waitForIdleDatabase = async (strapi: Core.Strapi, timeoutMs = 5000): Promise<void> => {
  const pool = (strapi.db?.connection?.client as { pool?: Pool } | undefined)?.pool;
  if (!pool) return;
  const deadline = Date.now() + timeoutMs;
  // Two idle reads in a row: a query that just finished may have scheduled the next one.
  let idleReads = 0;
  while (Date.now() < deadline && idleReads < 2) {
    const busy = pool.numUsed() + pool.numPendingAcquires() + pool.numPendingCreates();
    idleReads = busy === 0 ? idleReads + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};
