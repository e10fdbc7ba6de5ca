import type { UID } from '@strapi/strapi';
import type { Knex } from 'knex';
import { EVENTS_TABLE } from '../constants';

/** How many events a published row has (the next refresh's `revision`: they are unique per row and type). */
export const countEntryEvents = async (db: Knex, { uid, entryId }: { uid: UID.ContentType; entryId: number }): Promise<number> => {
  const row = (await db(EVENTS_TABLE).where({ target_uid: uid, entry_id: entryId }).count({ count: '*' }).first()) as { count: unknown } | undefined;
  return Number(row?.count ?? 0);
};
