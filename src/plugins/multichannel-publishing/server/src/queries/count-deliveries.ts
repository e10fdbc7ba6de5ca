import type { Knex } from 'knex';
import { DELIVERIES_TABLE } from '../constants';
import { applyDeliveryFilters, type DeliveryFilters } from './list-deliveries';

/** How many deliveries match the filters. */
export const countDeliveries = async (db: Knex, filters: DeliveryFilters): Promise<number> => {
  const row = (await applyDeliveryFilters(db.from(`${DELIVERIES_TABLE} as d`), filters).count({ total: '*' }).first()) as
    | { total: unknown }
    | undefined;
  return Number(row?.total ?? 0);
};
