import type { Core, UID } from '@strapi/strapi';
import type { PublishedVersion } from '../types';
import { isLocalizedModel } from '../utils/localized';

/** The published rows (one per locale) of a document, read inside the current transaction. */
export const findPublishedVersions = async (
  strapi: Core.Strapi,
  uid: UID.ContentType,
  documentId: string,
): Promise<PublishedVersion[]> => {
  const localized = isLocalizedModel(strapi.getModel(uid));
  const rows = (await strapi.db.query(uid).findMany({
    where: { documentId, publishedAt: { $notNull: true } },
    select: localized ? ['id', 'locale'] : ['id'],
  })) as Array<{ id: number; locale?: string | null }>;
  return rows.map((row) => ({ id: Number(row.id), locale: localized ? (row.locale ?? null) : null }));
};
