import type { Core } from '@strapi/strapi';
import { CONSULTATION_DRAFT_UID } from '../common/uids';

type Row = { id: number; outcomePublishedAt?: string | Date | null; outcomeReport?: { id: number } | null };

/** The system writes `outcomePublishedAt`: a caller's value is dropped on every write path. */
export const OUTCOME_PUBLISHED_AT = 'outcomePublishedAt';

/**
 * The consultation's outcome is published the first time the draft is published with an
 * `outcomeReport` attached (the agency's signed report): `outcomePublishedAt` is then recorded on
 * every row of the document (the field is not localized) and never moved by later publishes.
 * Written with the query engine, after the publish, so no document middleware runs again.
 */
export const registerConsultationOutcome = (strapi: Core.Strapi): void => {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== CONSULTATION_DRAFT_UID) return next();
    const params = context.params as { documentId?: string; data?: Record<string, unknown> };
    if ((context.action === 'create' || context.action === 'update') && params.data && OUTCOME_PUBLISHED_AT in params.data) {
      delete params.data[OUTCOME_PUBLISHED_AT];
    }
    if (context.action !== 'publish' || !params.documentId) return next();
    const result = await next();
    const rows = (await strapi.db.query(CONSULTATION_DRAFT_UID).findMany({
      select: ['id', OUTCOME_PUBLISHED_AT],
      where: { documentId: params.documentId, publishedAt: { $notNull: true } },
      populate: { outcomeReport: { select: ['id'] } },
    })) as Row[];
    const alreadyPublished = rows.some((row) => row.outcomePublishedAt);
    if (!alreadyPublished && rows.some((row) => row.outcomeReport)) {
      await strapi.db.query(CONSULTATION_DRAFT_UID).updateMany({
        where: { documentId: params.documentId },
        data: { [OUTCOME_PUBLISHED_AT]: new Date() },
      });
    }
    return result;
  });
};
