import type { Knex } from 'knex';
import { DELIVERIES_TABLE, DUE_STATUSES, TERMINAL_STATUSES } from '../constants';
import { isPostgres } from '../utils/db';

export type ClaimOptions = { limit: number; now: Date; leaseMs: number; lockToken: string; workerId: string };

/**
 * Claims up to `limit` due deliveries for this worker and returns their ids. Due: pending/failed
 * whose time has come, or in-flight whose lease expired (its node died). A delivery waits while an
 * earlier event of the same document is unfinished on the same channel, so an unpublish never
 * overtakes the publish before it. On PostgreSQL the rows are locked with SKIP LOCKED, so several
 * nodes claim disjoint sets; SQLite runs the same statements with its single writer.
 */
export const claimDueDeliveries = async (db: Knex, { limit, now, leaseMs, lockToken, workerId }: ClaimOptions): Promise<number[]> =>
  db.transaction(async (trx) => {
    const due = trx
      .select('d.id')
      .from(`${DELIVERIES_TABLE} as d`)
      .where(function isDue() {
        this.where(function waiting() {
          this.whereIn('d.status', [...DUE_STATUSES]).andWhere('d.next_attempt_at', '<=', now);
        }).orWhere(function abandoned() {
          this.where('d.status', 'in-flight').andWhere('d.lease_expires_at', '<', now);
        });
      })
      .whereNotExists(function earlierUnfinished() {
        this.select(trx.raw('1'))
          .from(`${DELIVERIES_TABLE} as e`)
          .whereRaw('e.channel = d.channel')
          .whereRaw('e.target_uid = d.target_uid')
          .whereRaw('e.target_document_id = d.target_document_id')
          .whereRaw('e.event_sequence < d.event_sequence')
          .whereNotIn('e.status', [...TERMINAL_STATUSES]);
      })
      .orderBy([
        { column: 'd.priority', order: 'desc' },
        { column: 'd.event_sequence', order: 'asc' },
      ])
      .limit(limit);
    if (isPostgres(trx)) due.forUpdate('d').skipLocked();
    const ids = ((await due) as Array<{ id: unknown }>).map((row) => Number(row.id));
    if (ids.length === 0) return [];
    await trx(DELIVERIES_TABLE)
      .whereIn('id', ids)
      .update({
        status: 'in-flight',
        attempts: trx.raw('?? + 1', ['attempts']),
        lease_expires_at: new Date(now.getTime() + leaseMs),
        lock_token: lockToken,
        worker_id: workerId,
        last_attempt_at: now,
        first_attempt_at: trx.raw('coalesce(??, ?)', ['first_attempt_at', now]),
        updated_at: now,
      });
    return ids;
  });
