import type { Knex } from 'knex';
import { EVENTS_TABLE, type EventType } from '../constants';
import { toDate } from '../utils/rows';

export type ChangeRow = {
  sequence: number;
  type: EventType;
  deleted: boolean;
  uid: string;
  documentId: string;
  locale: string | null;
  occurredAt: Date;
};

type Raw = {
  sequence: unknown;
  type: EventType;
  deleted: unknown;
  target_uid: string;
  target_document_id: string;
  target_locale: string | null;
  occurred_at: unknown;
};

/**
 * Events of the given content types with a sequence above `after`, oldest first, at most `limit`
 * (a range scan of the unique sequence index). No snapshot: the change feed never shows contents.
 */
export const listChanges = async (db: Knex, { after, limit, uids }: { after: number; limit: number; uids: readonly string[] }): Promise<ChangeRow[]> => {
  if (uids.length === 0) return [];
  const rows = (await db(EVENTS_TABLE)
    .where('sequence', '>', after)
    .whereIn('target_uid', [...uids])
    .orderBy('sequence', 'asc')
    .limit(limit)
    .select(['sequence', 'type', 'deleted', 'target_uid', 'target_document_id', 'target_locale', 'occurred_at'])) as Raw[];
  return rows.map((row) => ({
    sequence: Number(row.sequence),
    type: row.type,
    // SQLite stores booleans as 0/1; rows written before the column existed hold null.
    deleted: row.deleted === true || row.deleted === 1 || row.deleted === '1',
    uid: row.target_uid,
    documentId: row.target_document_id,
    locale: row.target_locale,
    occurredAt: toDate(row.occurred_at) ?? new Date(0),
  }));
};
