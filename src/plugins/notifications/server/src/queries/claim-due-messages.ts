import type { Knex } from 'knex';
import { isPostgres } from '../../../../../common/db';
import { MESSAGES_TABLE } from '../constants';

export type ClaimOptions = { limit: number; now: Date; leaseMs: number; lockToken: string };

/**
 * Claims up to `limit` due messages and returns their ids. Due: pending whose time has come, or
 * sending whose lease expired (its node died mid-attempt). On PostgreSQL the rows are locked with
 * SKIP LOCKED, so several nodes claim disjoint sets; SQLite runs the same statements with its single
 * writer. The claim counts the attempt.
 */
export const claimDueMessages = async (db: Knex, { limit, now, leaseMs, lockToken }: ClaimOptions): Promise<number[]> =>
  db.transaction(async (trx) => {
    const due = trx
      .select('id')
      .from(MESSAGES_TABLE)
      .where(function isDue() {
        this.where(function waiting() {
          this.where('status', 'pending').andWhere('next_attempt_at', '<=', now);
        }).orWhere(function abandoned() {
          this.where('status', 'sending').andWhere('lease_expires_at', '<', now);
        });
      })
      .orderBy('next_attempt_at', 'asc')
      .limit(limit);
    if (isPostgres(trx)) due.forUpdate().skipLocked();
    const ids = ((await due) as Array<{ id: unknown }>).map((row) => Number(row.id));
    if (ids.length === 0) return [];
    await trx(MESSAGES_TABLE)
      .whereIn('id', ids)
      .update({
        status: 'sending',
        attempts: trx.raw('?? + 1', ['attempts']),
        lease_expires_at: new Date(now.getTime() + leaseMs),
        lock_token: lockToken,
        last_attempt_at: now,
        first_attempt_at: trx.raw('coalesce(??, ?)', ['first_attempt_at', now]),
        updated_at: now,
      });
    return ids;
  });
