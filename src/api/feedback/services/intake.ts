import type { Core } from '@strapi/strapi';
import { sanitize } from '@strapi/utils';
import { conflictError, fieldError } from '../../../common/errors';
import { notifications } from '../../../common/notifications';
import { FEEDBACK_UID } from '../../../common/uids';
import { consultationStatus } from '../../../lib/consultation-status';
import { DUPLICATE_WINDOW_MS, STATUS_CHANGE_COMPONENT, TRACKING_CODE_INDEX, type FeedbackSource, type ModerationStatus } from '../constants';
import { applyFeedbackRules } from '../document-rules';
import { receiptMessages, type NotifiedFeedback } from '../notifications';
import { getFeedbackSettings } from '../settings';
import { requirePublishedTarget, type PublishedTarget } from '../targets';
import { duplicateKey } from '../text';
import type { IntakeInput } from '../validation';

export type IntakeOrigin = { ip?: string | null; source?: FeedbackSource; zaloUserId?: string | null };

/**
 * What the submitter gets back: the tracking code, where it stands and the answer deadline. The
 * receipt says `status`: it is the public contract, a view of the stored `moderationStatus`.
 */
export type Receipt = { trackingCode: string; status: ModerationStatus; dueAt: string };
export type IntakeResult = { created: boolean; receipt: Receipt };

type StoredReceipt = { trackingCode: string; moderationStatus: ModerationStatus; dueAt: string | Date };

const CODE_ATTEMPTS = 5;

/** Strapi's `entry.create` event (webhooks listen to it), with the entry sanitized as the document service does. */
const emitCreated = async (strapi: Core.Strapi, entry: Record<string, unknown>) => {
  const model = strapi.getModel(FEEDBACK_UID);
  try {
    const sanitized = await sanitize.sanitizers.defaultSanitizeOutput({ schema: model, getModel: (uid) => strapi.getModel(uid as never) }, entry as Parameters<typeof sanitize.sanitizers.defaultSanitizeOutput>[1]);
    await strapi.eventHub.emit('entry.create', { model: model.modelName, uid: model.uid, entry: sanitized });
  } catch (error) {
    strapi.log.error(`[feedback] entry.create event not emitted: ${(error as Error).message}`);
  }
};

const toReceipt = (row: StoredReceipt, status: ModerationStatus = row.moderationStatus): Receipt => ({
  trackingCode: row.trackingCode,
  status,
  dueAt: new Date(row.dueAt).toISOString(),
});

const formatWindowDate = (value: string | null | undefined) => (value ? new Date(value).toISOString() : 'not set');

const assertOpen = (target: PublishedTarget, now: Date) => {
  if (target.type !== 'consultationDraft') return;
  const status = consultationStatus(target.opensAt, target.closesAt, now);
  if (status === 'open') return;
  const window = `from ${formatWindowDate(target.opensAt)} to ${formatWindowDate(target.closesAt)}`;
  const message =
    status === 'upcoming'
      ? `This consultation is not open yet: it takes feedback ${window}`
      : `This consultation is closed: it took feedback ${window}`;
  throw conflictError(message, {
    consultationStatus: status,
    opensAt: target.opensAt ? new Date(target.opensAt).toISOString() : null,
    closesAt: target.closesAt ? new Date(target.closesAt).toISOString() : null,
  });
};

/**
 * A unique-index violation on the tracking code (PostgreSQL 23505 / SQLite's UNIQUE constraint): two
 * codes out of 6.6·10^11 met. Only that index: any other error is not ours to retry.
 */
const isTrackingCodeClash = (error: unknown) => {
  const { code, constraint, message } = (error ?? {}) as { code?: string; constraint?: string; message?: string };
  if (code === '23505') return constraint === TRACKING_CODE_INDEX;
  return typeof message === 'string' && /UNIQUE constraint failed: \w+\.tracking_code/.test(message);
};

/**
 * The schema's `maxLength`s, which the document service's validator checks on its path (here e.g. a Zalo
 * user id, which the webhook's own validation leaves unbounded): 400 naming the field, never a database error.
 */
const assertSchemaLengths = (strapi: Core.Strapi, data: Record<string, unknown>) => {
  const attributes = strapi.getModel(FEEDBACK_UID).attributes as Record<string, { maxLength?: number }>;
  for (const [name, value] of Object.entries(data)) {
    const max = attributes[name]?.maxLength;
    if (typeof value === 'string' && max !== undefined && value.length > max) throw fieldError(name, `${name} must be at most ${max} characters`);
  }
};

type HistoryEntry = Record<string, unknown>;
type CreatedRow = StoredReceipt & NotifiedFeedback & { id: number; documentId: string };

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const findDuplicate = async (key: string, now: Date): Promise<StoredReceipt | null> =>
    (await strapi.db.query(FEEDBACK_UID).findOne({
      select: ['trackingCode', 'moderationStatus', 'dueAt'],
      where: { dedupeKey: key, createdAt: { $gte: new Date(now.getTime() - DUPLICATE_WINDOW_MS) } },
      orderBy: { createdAt: 'desc' },
    })) as StoredReceipt | null;

  /**
   * Writes one new feedback through the query engine, in one transaction with its receipt(s), and
   * without the document service: this public, insert-only route needs none of what it adds
   * (documentId lookups of the target, the uniqueness query, reading back and deep-populating the
   * entry), which cost ~14 of the ~28 statements of an intake. What it must keep is kept here:
   * - the feedback's rules (`applyFeedbackRules`, the same function the document middleware runs
   *   on every other write path: clean text, one target, status, history, tracking code, due date);
   * - the receipt written in the same transaction (`receiptMessages`, as the notifications document
   *   middleware does for the other paths);
   * - the tracking code's uniqueness, now held by a unique index (`feedbacks_tracking_code_unique`);
   * - database lifecycles (the read cache's invalidation sees these writes) and Strapi's
   *   `entry.create` event (webhooks) after commit, with the entry sanitized as Strapi sanitizes it.
   */
  const insert = async (fields: Record<string, unknown>, target: PublishedTarget): Promise<CreatedRow> => {
    // Feedback has no draft and publish: like the document service, every row is stored as published.
    const data: Record<string, unknown> = { ...fields, [target.type]: target.rowIds, publishedAt: new Date() };
    await applyFeedbackRules(strapi, { action: 'create', params: { data } }, data);
    assertSchemaLengths(strapi, data);
    const history = data.statusHistory as HistoryEntry[];
    const outbox = notifications(strapi);
    return strapi.db.transaction(async () => {
      const { ids } = (await strapi.db.query(STATUS_CHANGE_COMPONENT).createMany({ data: history })) as { ids: number[] };
      const row = (await strapi.db.query(FEEDBACK_UID).create({
        data: { ...data, statusHistory: ids.map((id) => ({ id, __pivot: { field: 'statusHistory', component_type: STATUS_CHANGE_COMPONENT } })) },
      })) as CreatedRow;
      if (outbox) {
        // One after the other: inside the transaction on SQLite there is a single connection.
        for (const message of receiptMessages(row, getFeedbackSettings(strapi).trackingUrlTemplate)) await outbox.enqueue(message);
      }
      const entry = {
        ...row,
        statusHistory: history.map((change, index) => ({ id: ids[index], ...change })),
        [target.type]: { documentId: target.documentId, title: target.title },
      };
      await strapi.db.transaction(async ({ onCommit }) => onCommit(() => emitCreated(strapi, entry)));
      return row;
    });
  };

  const create = async (fields: Record<string, unknown>, target: PublishedTarget): Promise<CreatedRow> => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await insert(fields, target);
      } catch (error) {
        // Two codes out of 6.6·10^11 met: draw again (a new transaction) rather than fail the citizen.
        if (attempt >= CODE_ATTEMPTS || !isTrackingCodeClash(error)) throw error;
      }
    }
  };

  return {
    /**
     * Takes one piece of feedback from the public (web form or Zalo): checks the target and its
     * window, answers a duplicate with the code already given, stores a bot's submission as spam.
     */
    async submit(input: IntakeInput, origin: IntakeOrigin = {}): Promise<IntakeResult> {
      const now = new Date();
      const target = await requirePublishedTarget(strapi, input.target);
      assertOpen(target, now);

      const source = origin.source ?? 'web';
      const base = {
        submitterType: input.submitterType,
        fullName: input.fullName ?? null,
        organizationName: input.organizationName ?? null,
        email: input.email ?? null,
        phone: input.phone ?? null,
        content: input.content,
        category: input.category,
        publicConsent: input.publicConsent,
        source,
        zaloUserId: origin.zaloUserId ?? null,
      };

      if (input.honeypot) {
        // Answered like a success so the bot learns nothing; stored for audit, never counted.
        const stored = await create({ ...base, moderationStatus: 'rejected', rejectionReason: 'spam' }, target);
        return { created: true, receipt: toReceipt(stored, 'received') };
      }

      const key = duplicateKey(target, { email: input.email, phone: input.phone, zaloUserId: origin.zaloUserId, ip: origin.ip }, input.content);
      const duplicate = await findDuplicate(key, now);
      if (duplicate) return { created: false, receipt: toReceipt(duplicate) };

      const stored = await create({ ...base, moderationStatus: 'received', dedupeKey: key }, target);
      return { created: true, receipt: toReceipt(stored) };
    },
  };
};
