import type { Core } from '@strapi/strapi';
import { CONSULTATION_DRAFT_UID } from '../common/uids';

type Row = { id: number; publishedAt?: string | Date | null; outcomePublishedAt?: string | Date | null; outcomeReport?: { id: number } | null };

/** The system writes `outcomePublishedAt`: a caller's value is dropped on every write path. */
export const OUTCOME_PUBLISHED_AT = 'outcomePublishedAt';

/**
 * The consultation's outcome is published the first time the draft is published with an
 * `outcomeReport` attached (the agency's signed report): `outcomePublishedAt` is written on the
 * draft rows just before the publish copies them, in one transaction with it, so the published
 * version (and the publication event the channels receive) carries it, and a refused publish
 * records nothing. Later publishes never move it. Written with the query engine, so no document
 * middleware runs again.
 */
export const registerConsultationOutcome = (strapi: Core.Strapi): void => {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== CONSULTATION_DRAFT_UID) return next();
    const params = context.params as { documentId?: string; data?: Record<string, unknown> };
    if ((context.action === 'create' || context.action === 'update') && params.data && OUTCOME_PUBLISHED_AT in params.data) {
      delete params.data[OUTCOME_PUBLISHED_AT];
    }
    const documentId = params.documentId;
    if (context.action !== 'publish' || !documentId) return next();
    return strapi.db.transaction(async () => {
      const rows = (await strapi.db.query(CONSULTATION_DRAFT_UID).findMany({
        select: ['id', 'publishedAt', OUTCOME_PUBLISHED_AT],
        where: { documentId },
        populate: { outcomeReport: { select: ['id'] } },
      })) as Row[];
      const alreadyPublished = rows.some((row) => row.outcomePublishedAt);
      const draftHasReport = rows.some((row) => row.publishedAt === null && row.outcomeReport);
      if (!alreadyPublished && draftHasReport) {
        await strapi.db.query(CONSULTATION_DRAFT_UID).updateMany({ where: { documentId }, data: { [OUTCOME_PUBLISHED_AT]: new Date() } });
      }
      return next();
    });
  });
};
