import type { UID } from '@strapi/strapi';
import type { Knex } from 'knex';
import { EVENTS_TABLE } from '../constants';

export type UnrecordedUnpublication = { entryId: number; documentId: string; locale: string | null };

/**
 * Documents (per locale) whose latest event says "published" but that have no published row any
 * more: an unpublish or delete whose event was never written.
 */
export const findUnrecordedUnpublications = async (
  db: Knex,
  { uid, table, localized, limit }: { uid: UID.ContentType; table: string; localized: boolean; limit: number },
): Promise<UnrecordedUnpublication[]> => {
  const rows = (await db
    .select(['e.entry_id', 'e.target_document_id', 'e.target_locale'])
    .from(`${EVENTS_TABLE} as e`)
    .where('e.target_uid', uid)
    .whereIn('e.type', ['published', 'updated'])
    .whereNotExists(function laterEvent() {
      this.select(db.raw('1'))
        .from(`${EVENTS_TABLE} as l`)
        .whereRaw('l.target_uid = e.target_uid')
        .whereRaw('l.target_document_id = e.target_document_id')
        .whereRaw("coalesce(l.target_locale, '') = coalesce(e.target_locale, '')")
        .whereRaw('l.sequence > e.sequence');
    })
    .whereNotExists(function stillPublished() {
      const published = this.select(db.raw('1'))
        .from(`${table} as p`)
        .whereRaw('p.document_id = e.target_document_id')
        .whereNotNull('p.published_at');
      if (localized) published.whereRaw("coalesce(p.locale, '') = coalesce(e.target_locale, '')");
    })
    .orderBy('e.sequence', 'asc')
    .limit(limit)) as Array<{ entry_id: unknown; target_document_id: string; target_locale: string | null }>;
  return rows.map((row) => ({ entryId: Number(row.entry_id), documentId: row.target_document_id, locale: row.target_locale }));
};
