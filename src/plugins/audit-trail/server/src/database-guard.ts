import type { Core } from '@strapi/strapi';
import { ENTRY_TABLE, IMMUTABLE_MESSAGE } from './constants';

/**
 * The last gap below the query engine: raw SQL. Triggers in the database itself refuse UPDATE and
 * DELETE on the entries (and TRUNCATE on PostgreSQL), whoever connects. Created at every boot,
 * idempotently, because Strapi rebuilds a SQLite table (dropping its triggers) when its columns change.
 * Hand-written: Strapi's schema sync knows no triggers, and no kept library adds them to it.
 */
const MESSAGE = IMMUTABLE_MESSAGE.replace(/'/g, "''");

const postgresStatements = [
  // Nodes booting together would race on CREATE OR REPLACE ("tuple concurrently updated"): one at a time.
  `SELECT pg_advisory_xact_lock(hashtext('${ENTRY_TABLE}_immutable'))`,
  `CREATE OR REPLACE FUNCTION ${ENTRY_TABLE}_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN RAISE EXCEPTION '${MESSAGE}' USING ERRCODE = 'insufficient_privilege'; END $$`,
  `DROP TRIGGER IF EXISTS ${ENTRY_TABLE}_no_change ON ${ENTRY_TABLE}`,
  `CREATE TRIGGER ${ENTRY_TABLE}_no_change BEFORE UPDATE OR DELETE ON ${ENTRY_TABLE}
   FOR EACH ROW EXECUTE FUNCTION ${ENTRY_TABLE}_immutable()`,
  `DROP TRIGGER IF EXISTS ${ENTRY_TABLE}_no_truncate ON ${ENTRY_TABLE}`,
  `CREATE TRIGGER ${ENTRY_TABLE}_no_truncate BEFORE TRUNCATE ON ${ENTRY_TABLE}
   FOR EACH STATEMENT EXECUTE FUNCTION ${ENTRY_TABLE}_immutable()`,
];

const sqliteStatements = ['UPDATE', 'DELETE'].map(
  (operation) =>
    `CREATE TRIGGER IF NOT EXISTS ${ENTRY_TABLE}_no_${operation.toLowerCase()} BEFORE ${operation} ON ${ENTRY_TABLE}
     BEGIN SELECT RAISE(ABORT, '${MESSAGE}'); END`,
);

export const installDatabaseGuard = async (strapi: Core.Strapi): Promise<void> => {
  const client = strapi.db.dialect.client;
  const statements = client === 'postgres' ? postgresStatements : client === 'sqlite' ? sqliteStatements : [];
  if (statements.length === 0) {
    strapi.log.warn(`[audit-trail] no database trigger for the ${client} client: entries are protected above raw SQL only`);
    return;
  }
  await strapi.db.connection.transaction(async (trx) => {
    for (const statement of statements) await trx.raw(statement);
  });
};
