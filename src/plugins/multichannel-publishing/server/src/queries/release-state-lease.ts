import type { Knex } from 'knex';
import { STATE_TABLE } from '../constants';

/** Releases a lease, only if `token` still holds it. */
export const releaseStateLease = async (db: Knex, key: string, token: string): Promise<void> => {
  await db(STATE_TABLE).where({ key, lease_token: token }).update({ lease_token: null, lease_expires_at: null, updated_at: new Date() });
};
