import type { Knex } from 'knex';
import { MESSAGES_TABLE } from '../constants';

export type MessageOutcome =
  | { status: 'sent'; now: Date }
  | { status: 'failed' | 'skipped'; now: Date; lastError: string }
  | { status: 'pending'; now: Date; lastError: string; nextAttemptAt: Date };

/**
 * Records the outcome of an attempt, only while the lease is still this worker's. A final outcome
 * clears the recipient: once nothing will be sent any more, the row keeps no personal data.
 */
export const recordMessageOutcome = async (db: Knex, { id, lockToken }: { id: number; lockToken: string }, outcome: MessageOutcome): Promise<boolean> => {
  const final = outcome.status !== 'pending';
  const updated = await db(MESSAGES_TABLE)
    .where({ id, lock_token: lockToken, status: 'sending' })
    .update({
      status: outcome.status,
      lock_token: null,
      lease_expires_at: null,
      updated_at: outcome.now,
      last_error: outcome.status === 'sent' ? null : outcome.lastError,
      next_attempt_at: outcome.status === 'pending' ? outcome.nextAttemptAt : null,
      ...(outcome.status === 'sent' ? { sent_at: outcome.now } : {}),
      ...(final ? { recipient: null } : {}),
    });
  return Number(updated) > 0;
};
