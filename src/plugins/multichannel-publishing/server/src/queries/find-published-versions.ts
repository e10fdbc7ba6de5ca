import type { Core, UID } from '@strapi/strapi';
import type { PublishedVersion } from '../types';

/** The published rows (one per locale) of a document, read inside the current transaction. */
export const findPublishedVersions = async (
  strapi: Core.Strapi,
  uid: UID.ContentType,
  documentId: string,
): Promise<PublishedVersion[]> => {
  const model = strapi.getModel(uid) as { attributes?: Record<string, unknown> } | undefined;
  const localized = Boolean(model?.attributes && 'locale' in model.attributes);
  const rows = (await strapi.db.query(uid).findMany({
    where: { documentId, publishedAt: { $notNull: true } },
    select: localized ? ['id', 'locale'] : ['id'],
  })) as Array<{ id: number; locale?: string | null }>;
  return rows.map((row) => ({ id: Number(row.id), locale: localized ? (row.locale ?? null) : null }));
};
