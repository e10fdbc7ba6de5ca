import type { Knex } from 'knex';
import { STATE_TABLE } from '../constants';

export type StateRow = { value: unknown; secret: string | null; counter: unknown; leaseToken: string | null; leaseExpiresAt: unknown };

/** Reads one state row (undefined when missing). */
export const readState = async (db: Knex, key: string): Promise<StateRow | undefined> => {
  const row = (await db(STATE_TABLE).where({ key }).first(['value', 'secret', 'counter', 'lease_token', 'lease_expires_at'])) as
    | { value: unknown; secret: string | null; counter: unknown; lease_token: string | null; lease_expires_at: unknown }
    | undefined;
  return row && { value: row.value, secret: row.secret, counter: row.counter, leaseToken: row.lease_token, leaseExpiresAt: row.lease_expires_at };
};
