import type { Knex } from 'knex';
import { selectDeliveriesWithEvents } from './deliveries-with-events';

/** One delivery with its event's columns (prefixed `event_`), or undefined. */
export const findDelivery = async (db: Knex, id: number): Promise<Record<string, unknown> | undefined> =>
  (await selectDeliveriesWithEvents(db)
    .where('d.id', id)
    .first()) as Record<string, unknown> | undefined;
