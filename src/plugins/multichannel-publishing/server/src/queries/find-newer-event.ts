import type { UID } from '@strapi/strapi';
import type { Knex } from 'knex';
import { EVENTS_TABLE, type EventType } from '../constants';

export type NewerEvent = { sequence: number; type: EventType };

/**
 * The latest event of the same document and locale recorded after `sequence`, whatever happened to
 * its deliveries (a skipped unpublish still withdrew the document), or null when there is none.
 */
export const findNewerEvent = async (
  db: Knex,
  { uid, documentId, locale, sequence }: { uid: UID.ContentType; documentId: string; locale: string | null; sequence: number },
): Promise<NewerEvent | null> => {
  const row = (await db(EVENTS_TABLE)
    .where({ target_uid: uid, target_document_id: documentId })
    .whereRaw("coalesce(target_locale, '') = ?", [locale ?? ''])
    .where('sequence', '>', sequence)
    .orderBy('sequence', 'desc')
    .first(['sequence', 'type'])) as { sequence: unknown; type: EventType } | undefined;
  return row ? { sequence: Number(row.sequence), type: row.type } : null;
};
