import type { Knex } from 'knex';
import { STATE_KEYS, STATE_TABLE } from '../constants';

/**
 * Takes the next event sequence number in one statement (UPDATE … RETURNING, so concurrent callers in
 * one transaction, e.g. a bulk publish, never read each other's value). The UPDATE locks the counter
 * row until the surrounding transaction commits, so sequences are handed out in commit order: a feed
 * reader that saw sequence n never later finds a smaller one appear.
 */
export const nextEventSequence = async (trx: Knex): Promise<number> => {
  const rows = (await trx(STATE_TABLE)
    .where({ key: STATE_KEYS.eventSequence })
    .update({ counter: trx.raw('?? + 1', ['counter']) }, ['counter'])) as Array<{ counter: unknown }>;
  if (rows.length !== 1) throw new Error('multichannel-publishing: the event sequence row is missing');
  return Number(rows[0].counter);
};
