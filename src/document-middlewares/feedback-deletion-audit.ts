import type { Core } from '@strapi/strapi';
import { auditTrail } from '../common/audit';
import { FEEDBACK_UID } from '../common/uids';

type DeleteContext = { uid: string; action: string; params?: { documentId?: string } };
type FeedbackRow = {
  trackingCode?: string | null;
  moderationStatus?: string | null;
  category?: string | null;
  source?: string | null;
  consultationDraft?: { documentId?: string } | null;
  policy?: { documentId?: string } | null;
};
type DeleteResult = { entries?: unknown[] } | null | undefined;

/**
 * Every deletion of a feedback is recorded in the audit trail, whatever the path (content manager,
 * single or bulk, REST, the document service): what a citizen sent is gone, so who removed it must
 * stay. Only the tracking code, status and target are kept: never the submitter's data or words.
 */
export const registerFeedbackDeletionAudit = (strapi: Core.Strapi): void => {
  strapi.documents.use(async (context, next) => {
    // Strapi types the context per UID and action, a union this check does not need narrowed: it reads uid, action, documentId.
    const ctx = context as unknown as DeleteContext;
    const documentId = ctx.params?.documentId;
    if (ctx.uid !== FEEDBACK_UID || ctx.action !== 'delete' || !documentId) return next();
    const before = (await strapi.db.query(FEEDBACK_UID).findOne({
      select: ['trackingCode', 'moderationStatus', 'category', 'source'],
      where: { documentId },
      populate: { consultationDraft: { select: ['documentId'] }, policy: { select: ['documentId'] } },
    })) as FeedbackRow | null;
    const result = await next();
    if (before && ((result as DeleteResult)?.entries?.length ?? 0) > 0) {
      await auditTrail(strapi).record({
        action: 'feedback.delete',
        subject: { type: FEEDBACK_UID, documentId, label: before.trackingCode ?? null },
        details: {
          moderationStatus: before.moderationStatus ?? null,
          category: before.category ?? null,
          source: before.source ?? null,
          consultationDraft: before.consultationDraft?.documentId ?? null,
          policy: before.policy?.documentId ?? null,
        },
      });
    }
    return result;
  });
};
