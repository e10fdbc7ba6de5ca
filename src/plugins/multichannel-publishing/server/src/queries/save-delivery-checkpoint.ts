import type { Knex } from 'knex';
import { DELIVERIES_TABLE } from '../constants';

/** Stores an adapter's progress on a claimed delivery (kept across attempts). */
export const saveDeliveryCheckpoint = async (
  db: Knex,
  { id, lockToken }: { id: number; lockToken: string },
  checkpoint: Record<string, unknown>,
): Promise<boolean> => {
  const updated = await db(DELIVERIES_TABLE)
    .where({ id, lock_token: lockToken })
    .update({ checkpoint: JSON.stringify(checkpoint), updated_at: new Date() });
  return updated === 1;
};
