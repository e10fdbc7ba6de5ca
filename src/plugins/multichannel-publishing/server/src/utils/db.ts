import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

/**
 * The knex handle to run a raw query with: the surrounding transaction when there is one (Strapi
 * keeps it in async context; on SQLite's single connection using the bare pool there would wait
 * forever), the pool otherwise.
 */
export const executor = async (strapi: Core.Strapi): Promise<Knex> =>
  strapi.db.inTransaction() ? (await strapi.db.transaction()).get() : strapi.db.connection;

export { isPostgres } from '../../../../../common/db';
