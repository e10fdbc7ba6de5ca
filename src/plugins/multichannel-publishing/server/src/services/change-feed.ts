import type { Core } from '@strapi/strapi';
import type { ChangeFeedPage, ChangeFeedService, ChangeType } from '../../../../../common/change-feed';
import { listChanges, type ChangeRow } from '../queries/list-changes';
import { executor } from '../utils/db';

const changeType = (row: ChangeRow): ChangeType => (row.type === 'unpublished' ? (row.deleted ? 'deleted' : 'unpublished') : row.type);

/**
 * The public change feed's read of publication events (README: "Change feed"): the app decides
 * which content types are public, this service reads the events of those types after a sequence.
 *
 * Why `sequence` alone is a safe cursor, with no transaction-id horizon (pg_snapshot_xmin):
 * every event gets its sequence from `nextEventSequence`, an `UPDATE … RETURNING` of one counter
 * row inside the transaction that writes the event (document-service middleware, or the sweep,
 * which locks the same row first). That row lock is held until the transaction ends, so
 *  1. two transactions that write events never overlap between taking a number and ending: the
 *     second one's UPDATE waits for the first to end, then (READ COMMITTED re-reads the row) counts
 *     on from the first one's committed value, or from the old value if the first rolled back.
 *     Hence sequence order is commit order, and no committed number is ever skipped or reused.
 *  2. PostgreSQL releases the lock (the waiter wakes on the holder's transaction-id lock) only
 *     after the holder is removed from the proc array, i.e. after its commit is visible to every
 *     new snapshot. So a reader whose snapshot shows sequence n also shows every number below n.
 * Every snapshot therefore sees a gap-free prefix 1..k of the sequence: a reader that returns the
 * rows above its cursor, in sequence order, never hands out n while a smaller number is still to
 * come. SQLite has one writer at a time (one connection here), so the same holds trivially.
 * tests/api/changes-concurrent.test.ts checks it under concurrent publishes on PostgreSQL.
 */
export default ({ strapi }: { strapi: Core.Strapi }): ChangeFeedService => ({
  /** The changes of `uids` after sequence `after`, oldest first, at most `limit`, and whether more follow. */
  async page({ after, limit, uids }): Promise<ChangeFeedPage> {
    const db = await executor(strapi);
    const rows = await listChanges(db, { after, limit: limit + 1, uids });
    return {
      changes: rows.slice(0, limit).map((row) => ({
        sequence: row.sequence,
        type: changeType(row),
        uid: row.uid,
        documentId: row.documentId,
        locale: row.locale,
        occurredAt: row.occurredAt,
      })),
      hasMore: rows.length > limit,
    };
  },
});
