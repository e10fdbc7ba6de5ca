import type { Knex } from 'knex';
import { STATE_KEYS, STATE_TABLE } from '../constants';

/**
 * Takes the next event sequence number. The UPDATE locks the counter row until the surrounding
 * transaction commits, so sequences are handed out in commit order: a feed reader that saw
 * sequence n never later finds a smaller one appear.
 */
export const nextEventSequence = async (trx: Knex): Promise<number> => {
  const updated = await trx(STATE_TABLE)
    .where({ key: STATE_KEYS.eventSequence })
    .update({ counter: trx.raw('?? + 1', ['counter']) });
  if (updated !== 1) throw new Error('multichannel-publishing: the event sequence row is missing');
  const row = (await trx(STATE_TABLE).where({ key: STATE_KEYS.eventSequence }).first('counter')) as { counter: unknown };
  return Number(row.counter);
};
