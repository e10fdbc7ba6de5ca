import type { UID } from '@strapi/strapi';
import type { Knex } from 'knex';
import { EVENTS_TABLE, type EventType } from '../constants';
import { toJson } from '../utils/rows';

/** The latest event of a document in one locale (type and snapshot), or null when it has none. */
export const findLatestEvent = async (
  db: Knex,
  { uid, documentId, locale }: { uid: UID.ContentType; documentId: string; locale: string | null },
): Promise<{ type: EventType; snapshot: Record<string, unknown> | null } | null> => {
  const row = (await db(EVENTS_TABLE)
    .where({ target_uid: uid, target_document_id: documentId })
    .whereRaw("coalesce(target_locale, '') = ?", [locale ?? ''])
    .orderBy('sequence', 'desc')
    .first(['type', 'snapshot'])) as { type: EventType; snapshot: unknown } | undefined;
  return row ? { type: row.type, snapshot: toJson<Record<string, unknown>>(row.snapshot) } : null;
};
