import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { isPostgres } from '../../../common/db';

/**
 * Dialect-neutral pieces of the coverage SQL (SQLite and PostgreSQL), and the names of the link
 * tables Strapi made for relations and components, read from its metadata rather than guessed.
 */

/** A datetime column as milliseconds since the epoch (SQLite stores what knex wrote: a number, or ISO text). */
export const epochMs = (db: Knex, column: string): string =>
  isPostgres(db)
    ? `(extract(epoch from ${column}) * 1000)`
    : `(case when typeof(${column}) in ('integer', 'real') then ${column} else (julianday(${column}) - 2440587.5) * 86400000.0 end)`;

/** Concatenation of a group's values, separated by commas. */
export const listAgg = (db: Knex, column: string): string => (isPostgres(db) ? `string_agg(${column}, ',')` : `group_concat(${column}, ',')`);

type JoinTable = {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  morphColumn?: { typeColumn: { name: string } };
  on?: Record<string, unknown>;
};

export type Link = { table: string; own: string; other: string; typeColumn?: string; field?: string };

/** The link table of relation or component attribute `attribute` of `uid`. */
export const linkOf = (strapi: Core.Strapi, uid: string, attribute: string): Link => {
  const meta = strapi.db.metadata.get(uid as never) as unknown as { attributes: Record<string, { joinTable?: JoinTable }> };
  const joinTable = meta.attributes[attribute]?.joinTable;
  if (!joinTable) throw new Error(`coverage: ${uid}.${attribute} has no link table`);
  const field = joinTable.on?.field;
  return {
    table: joinTable.name,
    own: joinTable.joinColumn.name,
    other: joinTable.inverseJoinColumn.name,
    typeColumn: joinTable.morphColumn?.typeColumn.name,
    field: typeof field === 'string' ? field : undefined,
  };
};

/** A percentage with one decimal, or null when there is nothing to measure. */
export const percent = (part: number, whole: number): number | null => (whole > 0 ? Math.round((1000 * part) / whole) / 10 : null);

export const num = (value: unknown): number => Number(value ?? 0) || 0;

/** Rows of a raw query, whichever shape the driver returns. */
export const rowsOf = <T>(result: unknown): T[] =>
  (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[];

/**
 * Runs one of the coverage's heavy aggregate statements. On PostgreSQL, in a read-only transaction
 * of its own with `jit` and parallel workers off (`SET LOCAL`): measured on 100,000 policies and a
 * million feedback rows, a parallel plan spent three times the CPU for a tenth less time, and JIT
 * compiled for 100 ms what ran in under a second; one core per statement lets the two heavy ones
 * (policies, feedback) run side by side without taking every core from the requests being served.
 */
export const aggregate = async (strapi: Core.Strapi, sql: string, bindings: readonly unknown[] = []): Promise<unknown> => {
  const db = strapi.db.connection;
  if (!isPostgres(db)) return db.raw(sql, bindings as Knex.RawBinding[]);
  return db.transaction(
    async (trx) => {
      await trx.raw('set local jit = off');
      await trx.raw('set local max_parallel_workers_per_gather = 0');
      return trx.raw(sql, bindings as Knex.RawBinding[]);
    },
    { readOnly: true },
  );
};
