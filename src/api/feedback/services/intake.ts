import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { conflictError } from '../../../common/errors';
import { FEEDBACK_UID } from '../../../common/uids';
import { consultationStatus } from '../../../lib/consultation-status';
import { generateTrackingCode } from '../codes';
import { DUPLICATE_WINDOW_MS, type FeedbackSource, type ModerationStatus } from '../constants';
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

const isTrackingCodeClash = (error: unknown) =>
  error instanceof errors.ValidationError && JSON.stringify(error.details ?? {}).includes('trackingCode');

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const findDuplicate = async (key: string, now: Date): Promise<StoredReceipt | null> =>
    (await strapi.db.query(FEEDBACK_UID).findOne({
      select: ['trackingCode', 'moderationStatus', 'dueAt'],
      where: { dedupeKey: key, createdAt: { $gte: new Date(now.getTime() - DUPLICATE_WINDOW_MS) } },
      orderBy: { createdAt: 'desc' },
    })) as StoredReceipt | null;

  const create = async (data: Record<string, unknown>): Promise<StoredReceipt> => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        // `data` was validated by the zod intake schema; Strapi's generated create input cannot be reached from a record type.
        return (await strapi.documents(FEEDBACK_UID).create({ data: { ...data, trackingCode: generateTrackingCode() } } as never)) as unknown as StoredReceipt;
      } catch (error) {
        // Two codes out of 6.6·10^11 met: draw again rather than fail the citizen.
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
        [target.type]: target.documentId,
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
        const stored = await create({ ...base, moderationStatus: 'rejected', rejectionReason: 'spam' });
        return { created: true, receipt: toReceipt(stored, 'received') };
      }

      const key = duplicateKey(target, { email: input.email, phone: input.phone, zaloUserId: origin.zaloUserId, ip: origin.ip }, input.content);
      const duplicate = await findDuplicate(key, now);
      if (duplicate) return { created: false, receipt: toReceipt(duplicate) };

      const stored = await create({ ...base, moderationStatus: 'received', dedupeKey: key });
      return { created: true, receipt: toReceipt(stored) };
    },
  };
};
