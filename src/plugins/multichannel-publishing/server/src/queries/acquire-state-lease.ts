import type { Knex } from 'knex';
import { STATE_TABLE } from '../constants';

/**
 * Takes the lease of a state row when it is free or expired, in one conditional UPDATE (no
 * transaction is held while the holder calls out). Returns whether this caller got it.
 */
export const acquireStateLease = async (db: Knex, key: string, token: string, now: Date, ms: number): Promise<boolean> => {
  const updated = await db(STATE_TABLE)
    .where({ key })
    .where(function free() {
      this.whereNull('lease_expires_at').orWhere('lease_expires_at', '<', now);
    })
    .update({ lease_token: token, lease_expires_at: new Date(now.getTime() + ms), updated_at: now });
  return updated === 1;
};
