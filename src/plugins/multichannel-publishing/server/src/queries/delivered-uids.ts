import type { Knex } from 'knex';
import { DELIVERIES_TABLE } from '../constants';

/** The content types that have deliveries. */
export const deliveredUids = async (db: Knex): Promise<string[]> =>
  ((await db(DELIVERIES_TABLE).distinct('target_uid')) as Array<{ target_uid: unknown }>).map((row) => String(row.target_uid));
