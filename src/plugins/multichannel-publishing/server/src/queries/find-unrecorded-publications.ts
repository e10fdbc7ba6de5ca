import type { UID } from '@strapi/strapi';
import type { Knex } from 'knex';
import { EVENTS_TABLE } from '../constants';

export type UnrecordedPublication = { entryId: number; documentId: string; locale: string | null };

/**
 * Published rows of a covered content type that no `published`/`updated` event points at: a publish
 * whose event was never written (process killed, or a write that bypassed the document service).
 */
export const findUnrecordedPublications = async (
  db: Knex,
  { uid, table, localized, limit }: { uid: UID.ContentType; table: string; localized: boolean; limit: number },
): Promise<UnrecordedPublication[]> => {
  const rows = (await db
    .select(['p.id', 'p.document_id', ...(localized ? ['p.locale'] : [])])
    .from(`${table} as p`)
    .whereNotNull('p.published_at')
    .whereNotExists(function missingEvent() {
      this.select(db.raw('1'))
        .from(`${EVENTS_TABLE} as e`)
        .where('e.target_uid', uid)
        .whereIn('e.type', ['published', 'updated'])
        .whereRaw('e.entry_id = p.id');
    })
    .orderBy('p.id', 'asc')
    .limit(limit)) as Array<{ id: unknown; document_id: string; locale?: string | null }>;
  return rows.map((row) => ({ entryId: Number(row.id), documentId: row.document_id, locale: localized ? (row.locale ?? null) : null }));
};
