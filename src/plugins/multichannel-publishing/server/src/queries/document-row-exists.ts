import type { Knex } from 'knex';

/**
 * Whether any row (draft or published) of a document is left in one locale: after an unpublish the
 * draft stays, after a delete nothing does. Read in the writing transaction, after the write.
 */
export const documentRowExists = async (
  db: Knex,
  { table, documentId, locale, localized }: { table: string; documentId: string; locale: string | null; localized: boolean },
): Promise<boolean> => {
  const query = db(table).where('document_id', documentId);
  if (localized) query.whereRaw("coalesce(locale, '') = ?", [locale ?? '']);
  return Boolean(await query.first('id'));
};
