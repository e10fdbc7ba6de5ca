import type { Knex } from 'knex';
import { DELIVERIES_TABLE, RETRYABLE_STATUSES } from '../constants';

/**
 * Sends a failed or dead delivery back to the queue, due now, with a fresh attempt budget (the
 * last error stays visible until the next attempt). Returns false when it was not failed/dead.
 */
export const requeueDelivery = async (db: Knex, id: number, now: Date): Promise<boolean> => {
  const updated = await db(DELIVERIES_TABLE)
    .where('id', id)
    .whereIn('status', [...RETRYABLE_STATUSES])
    .update({
      status: 'pending',
      attempts: 0,
      first_attempt_at: null,
      next_attempt_at: now,
      lease_expires_at: null,
      lock_token: null,
      updated_at: now,
    });
  return updated === 1;
};
