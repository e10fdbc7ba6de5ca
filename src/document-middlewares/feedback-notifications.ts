import type { Core } from '@strapi/strapi';
import { notifications, type NotificationRequest } from '../common/notifications';
import { FEEDBACK_UID } from '../common/uids';
import { outcomeEmail, outcomeZalo, receiptMessages, type NotifiedFeedback } from '../api/feedback/notifications';
import { getFeedbackSettings } from '../api/feedback/settings';

type WriteContext = { uid: string; action: string; params?: { documentId?: string } };

const NOTIFIED_FIELDS = ['documentId', 'email', 'zaloUserId', 'trackingCode', 'dueAt', 'moderationStatus', 'response', 'rejectionReason'];

const loadFeedback = async (strapi: Core.Strapi, documentId: string): Promise<NotifiedFeedback | null> =>
  (await strapi.db.query(FEEDBACK_UID).findOne({ select: NOTIFIED_FIELDS, where: { documentId } })) as NotifiedFeedback | null;

/**
 * A submitter who left an e-mail, or wrote through the Zalo OA, hears back (by e-mail, by a Zalo
 * consultation message), whatever path changed their feedback (public intake,
 * the moderation route, the content manager): a receipt when it is received, the answer or the
 * reason for rejecting it when it is settled. The message is written to the notification outbox in
 * the same transaction as the change, so a committed change always has its message, and a rolled
 * back one never does.
 */
export const registerFeedbackNotifications = (strapi: Core.Strapi): void => {
  strapi.documents.use(async (context, next) => {
    // Strapi types the context per UID and action, a union this check does not need narrowed.
    const ctx = context as unknown as WriteContext;
    if (ctx.uid !== FEEDBACK_UID || (ctx.action !== 'create' && ctx.action !== 'update')) return next();
    const outbox = notifications(strapi);
    if (!outbox) return next();
    // A new feedback without an address or a Zalo id has nobody to tell: no transaction, no reads.
    const data = (ctx.params as { data?: Record<string, unknown> } | undefined)?.data;
    if (ctx.action === 'create' && !data?.email && !data?.zaloUserId) return next();
    return strapi.db.transaction(async () => {
      const documentId = ctx.params?.documentId;
      const before = ctx.action === 'update' && documentId ? await loadFeedback(strapi, documentId) : null;
      const result = await next();
      const written = (result as { documentId?: string } | null)?.documentId;
      const after = written ? await loadFeedback(strapi, written) : null;
      if (!after?.email && !after?.zaloUserId) return result;
      const { trackingUrlTemplate } = getFeedbackSettings(strapi);
      const messages: Array<NotificationRequest | null> = ctx.action === 'create' ? receiptMessages(after, trackingUrlTemplate) : [];
      if (before && after.moderationStatus !== before.moderationStatus) {
        if (after.email) messages.push(outcomeEmail(after, trackingUrlTemplate));
        if (after.zaloUserId) messages.push(outcomeZalo(after, trackingUrlTemplate));
      }
      // One after the other: inside the transaction on SQLite there is a single connection.
      for (const message of messages) if (message) await outbox.enqueue(message);
      return result;
    });
  });
};
