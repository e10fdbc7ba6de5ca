import type { Knex } from 'knex';
import { EVENTS_TABLE, type EventType } from '../constants';

/** The latest event of a document in one locale: id, sequence, random key and type; null when none. */
export const findLatestEventRow = async (
  db: Knex,
  { uid, documentId, locale }: { uid: string; documentId: string; locale: string | null },
): Promise<{ id: number; sequence: number; key: string; type: EventType } | null> => {
  const row = (await db(EVENTS_TABLE)
    .where({ target_uid: uid, target_document_id: documentId })
    .whereRaw("coalesce(target_locale, '') = ?", [locale ?? ''])
    .orderBy('sequence', 'desc')
    .first(['id', 'sequence', 'document_id', 'type'])) as { id: unknown; sequence: unknown; document_id: string; type: EventType } | undefined;
  return row ? { id: Number(row.id), sequence: Number(row.sequence), key: row.document_id, type: row.type } : null;
};
