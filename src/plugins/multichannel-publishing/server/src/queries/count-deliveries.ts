import type { Knex } from 'knex';
import { DELIVERIES_TABLE } from '../constants';
import type { DocumentScope } from '../utils/document-scope';
import { applyDeliveryFilters, type DeliveryFilters } from './list-deliveries';

/** How many deliveries within `scope` match the filters. */
export const countDeliveries = async (db: Knex, filters: DeliveryFilters, scope: DocumentScope): Promise<number> => {
  const row = (await applyDeliveryFilters(db.from(`${DELIVERIES_TABLE} as d`), filters, scope).count({ total: '*' }).first()) as
    | { total: unknown }
    | undefined;
  return Number(row?.total ?? 0);
};
