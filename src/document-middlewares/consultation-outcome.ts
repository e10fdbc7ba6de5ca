import type { Core } from '@strapi/strapi';
import { notifications } from '../common/notifications';
import { CONSULTATION_DRAFT_UID, FEEDBACK_UID } from '../common/uids';
import { consultationOutcomeEmail, type ConsultationParticipant } from '../api/feedback/notifications';
import { getFeedbackSettings } from '../api/feedback/settings';
import { absoluteUrl, publicBaseUrl } from '../lib/public-base-url';

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
      const publishing = !alreadyPublished && draftHasReport;
      if (publishing) {
        await strapi.db.query(CONSULTATION_DRAFT_UID).updateMany({ where: { documentId }, data: { [OUTCOME_PUBLISHED_AT]: new Date() } });
      }
      const result = await next();
      if (publishing) await tellParticipants(strapi, documentId);
      return result;
    });
  });
};

/**
 * Everyone who left an e-mail with their feedback on the draft hears that the outcome is published
 * (in the publish transaction, through the notification outbox). Feedback rejected as spam is left
 * out: its address may be someone else's.
 */
const tellParticipants = async (strapi: Core.Strapi, documentId: string): Promise<void> => {
  const outbox = notifications(strapi);
  if (!outbox) return;
  const published = (await strapi.db.query(CONSULTATION_DRAFT_UID).findOne({
    select: ['title'],
    where: { documentId, publishedAt: { $notNull: true } },
    populate: { outcomeReport: { select: ['url'] } },
  })) as { title: string; outcomeReport?: { url?: string | null } | null } | null;
  if (!published) return;
  const url = published.outcomeReport?.url ?? null;
  const consultation = { documentId, title: published.title, reportUrl: url ? absoluteUrl(publicBaseUrl(strapi), url) : null };
  const participants = (await strapi.db.query(FEEDBACK_UID).findMany({
    select: ['documentId', 'email', 'trackingCode'],
    where: { consultationDraft: { documentId }, email: { $notNull: true }, $or: [{ rejectionReason: { $null: true } }, { rejectionReason: { $ne: 'spam' } }] },
    orderBy: [{ id: 'asc' }],
  })) as ConsultationParticipant[];
  const { trackingUrlTemplate } = getFeedbackSettings(strapi);
  // One after the other: inside the transaction on SQLite there is a single connection.
  for (const participant of participants) if (participant.email) await outbox.enqueue(consultationOutcomeEmail(participant, consultation, trackingUrlTemplate));
};
