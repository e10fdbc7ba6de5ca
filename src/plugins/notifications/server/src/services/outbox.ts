import type { Core } from '@strapi/strapi';
import type { NotificationOutbox, NotificationRequest } from '../../../../../common/notifications';
import { MAX_ERROR_LENGTH, MAX_SUBJECT_LENGTH, MESSAGE_UID, SWITCHED_OFF_REASON } from '../constants';
import { getService } from '../utils/get-service';

export type MessageFilters = { status?: string; topic?: string; subjectDocumentId?: string };

const LIST_FIELDS = [
  'id',
  'documentId',
  'channel',
  'topic',
  'subjectType',
  'subjectDocumentId',
  'subject',
  'body',
  'status',
  'attempts',
  'nextAttemptAt',
  'firstAttemptAt',
  'lastAttemptAt',
  'lastError',
  'sentAt',
  'createdAt',
];

export default ({ strapi }: { strapi: Core.Strapi }) => {
  // Joins the caller's transaction when there is one: the worker looks only once the row is visible.
  const kickAfterCommit = async () => {
    const worker = getService(strapi, 'worker');
    await strapi.db.transaction(async ({ onCommit }) => onCommit(() => worker.kick()));
  };

  /** Why this message cannot be sent at all (no transport, or Zalo's window is closed), else `null`. */
  const unavailableReason = async (request: NotificationRequest): Promise<string | null> => {
    if (request.recipientAdminId != null && (await getService(strapi, 'preferences').switchedOff(request.recipientAdminId, request.topic))) {
      return SWITCHED_OFF_REASON;
    }
    if (request.channel === 'email') return getService(strapi, 'email').unavailableReason();
    const zalo = getService(strapi, 'zalo');
    return (await zalo.unavailableReason()) ?? (await zalo.windowClosedReason(request.recipient));
  };

  const outbox = {
    /**
     * Writes one message through the query engine, so it joins the caller's transaction (the
     * business change and its notification commit together). Enqueueing the same `dedupeKey` twice
     * keeps the first. Without a transport, outside Zalo's window, or switched off by the admin user
   * it is for, it is recorded as `skipped` (the reason in `lastError`), with no recipient kept.
     */
    async enqueue(request: NotificationRequest): Promise<void> {
      const query = strapi.db.query(MESSAGE_UID);
      if (await query.findOne({ select: ['id'], where: { dedupeKey: request.dedupeKey } })) return;
      const skipReason = request.skipReason ?? (await unavailableReason(request));
      const now = new Date();
      // `createMany` of one row: a single INSERT (`create` would read the row back, which nobody uses).
      await query.createMany({
        data: [{
          channel: request.channel,
          topic: request.topic,
          dedupeKey: request.dedupeKey,
          recipient: skipReason ? null : request.recipient,
          subject: request.subject.slice(0, MAX_SUBJECT_LENGTH),
          body: request.text,
          subjectType: request.subjectType ?? null,
          subjectDocumentId: request.subjectDocumentId ?? null,
          status: skipReason ? 'skipped' : 'pending',
          attempts: 0,
          nextAttemptAt: skipReason ? null : now,
          lastError: skipReason ? skipReason.slice(0, MAX_ERROR_LENGTH) : null,
        }],
      });
      if (!skipReason) await kickAfterCommit();
    },

    /** Records when a Zalo user last wrote to the OA (Zalo's 7-day answer window starts there). */
    async noteZaloMessage(userId: string, at: Date): Promise<void> {
      await getService(strapi, 'zalo').noteMessage(userId, at);
    },

    /** The newest messages first, without recipients, for the admin list. */
    async list(filters: MessageFilters, { page, pageSize }: { page: number; pageSize: number }) {
      const where = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined));
      const [data, total] = await Promise.all([
        strapi.db.query(MESSAGE_UID).findMany({ select: LIST_FIELDS, where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], offset: (page - 1) * pageSize, limit: pageSize }),
        strapi.db.query(MESSAGE_UID).count({ where }),
      ]);
      return { data, pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) } };
    },
  };
  return outbox satisfies NotificationOutbox;
};
