import type { Knex } from 'knex';
import { DELIVERIES_TABLE, type DeliveryStatus } from '../constants';

export type DeliveryOutcome = {
  status: Extract<DeliveryStatus, 'pending' | 'delivered' | 'failed' | 'dead' | 'skipped'>;
  /** The attempt did not really happen (a deferral): the claim's count is given back. */
  notAnAttempt?: boolean;
  now: Date;
  nextAttemptAt?: Date | null;
  lastError?: string | null;
  lastStatusCode?: number | null;
  externalId?: string | null;
};

/**
 * Records the outcome of an attempt, only if this worker still holds the claim (`lockToken`): a node
 * whose lease ran out must not overwrite what the node that took over recorded. Returns whether it did.
 */
export const recordDeliveryOutcome = async (
  db: Knex,
  { id, lockToken }: { id: number; lockToken: string },
  outcome: DeliveryOutcome,
): Promise<boolean> => {
  const changes: Record<string, unknown> = {
    status: outcome.status,
    lease_expires_at: null,
    lock_token: null,
    next_attempt_at: outcome.nextAttemptAt ?? null,
    last_error: outcome.lastError ?? null,
    last_status_code: outcome.lastStatusCode ?? null,
    updated_at: outcome.now,
  };
  if (outcome.status === 'delivered') changes.delivered_at = outcome.now;
  if (outcome.externalId !== undefined) changes.external_id = outcome.externalId;
  if (outcome.notAnAttempt) {
    changes.attempts = db.raw('?? - 1', ['attempts']);
    // The backoff counts from the first real attempt.
    changes.first_attempt_at = db.raw('case when ?? <= 1 then null else ?? end', ['attempts', 'first_attempt_at']);
  }
  const updated = await db(DELIVERIES_TABLE).where({ id, lock_token: lockToken, status: 'in-flight' }).update(changes);
  return updated === 1;
};
