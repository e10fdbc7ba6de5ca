import type { Knex } from 'knex';

/** Whether the database is PostgreSQL (row locks with SKIP LOCKED) rather than SQLite (one writer). */
export const isPostgres = (db: Knex): boolean => {
  const client = (db.client as { config?: { client?: unknown } }).config?.client;
  return client === 'postgres' || client === 'pg';
};
