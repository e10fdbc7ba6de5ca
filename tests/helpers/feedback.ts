import type { Core } from '@strapi/strapi';

export const FEEDBACK_UID = 'api::feedback.feedback';

/** Env for `startTestApp` that lifts the public rate limits, for files that are not about them. */
export const UNLIMITED_RATE_ENV = {
  FEEDBACK_RATE_LIMIT_PER_MINUTE: '1000000',
  FEEDBACK_RATE_LIMIT_PER_DAY: '1000000',
  FEEDBACK_TRACK_RATE_LIMIT_PER_MINUTE: '1000000',
  FEEDBACK_TRACK_RATE_LIMIT_PER_DAY: '1000000',
};

/** A valid public intake body about `target`, with `overrides` merged into `data`. */
export const intakeBody = (target: Record<string, string>, overrides: Record<string, unknown> = {}) => ({
  data: {
    ...target,
    submitterType: 'citizen',
    fullName: 'Nguyễn Thị Hoa',
    email: 'hoa.nguyen@example.vn',
    phone: '0912345678',
    content: 'Tôi đề nghị bổ sung hỗ trợ cho học sinh trung học phổ thông.',
    category: 'recommendation',
    publicConsent: true,
    ...overrides,
  },
});

export type StoredFeedback = Record<string, unknown> & { id: number; documentId: string; trackingCode: string; moderationStatus: string };

/** The stored feedback rows (database view, private fields included), oldest first. */
export const storedFeedback = async (strapi: Core.Strapi, where: Record<string, unknown> = {}): Promise<StoredFeedback[]> =>
  (await strapi.db.query(FEEDBACK_UID).findMany({ where, orderBy: { id: 'asc' }, populate: ['statusHistory', 'respondingAgency', 'consultationDraft', 'policy'] })) as StoredFeedback[];

export const feedbackCount = async (strapi: Core.Strapi): Promise<number> => Number(await strapi.db.query(FEEDBACK_UID).count());
