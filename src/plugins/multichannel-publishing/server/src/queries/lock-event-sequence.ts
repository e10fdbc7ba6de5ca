import type { Knex } from 'knex';
import { STATE_KEYS, STATE_TABLE } from '../constants';
import { isPostgres } from '../utils/db';

/**
 * Locks the sequence row for the rest of the transaction without moving it: the reconciliation
 * sweep takes it first, so it never races a publishing transaction or another node's sweep.
 * (SQLite has a single writer: nothing to lock.)
 */
export const lockEventSequence = async (trx: Knex): Promise<void> => {
  if (!isPostgres(trx)) return;
  await trx(STATE_TABLE).where({ key: STATE_KEYS.eventSequence }).forUpdate().first('id');
};
