import crypto from 'crypto';
import type { Knex } from 'knex';
import { STATE_TABLE } from '../constants';

/** Creates the state row `key` when missing; two nodes booting at once both succeed. */
export const ensureStateRow = async (db: Knex, key: string): Promise<void> => {
  const now = new Date();
  await db(STATE_TABLE)
    .insert({
      document_id: crypto.randomUUID().replace(/-/g, '').slice(0, 24),
      key,
      counter: 0,
      created_at: now,
      updated_at: now,
      published_at: now,
    })
    .onConflict('key')
    .ignore();
};
