import type { Core } from '@strapi/strapi';
import { notFoundError } from '../../../common/errors';
import { FEEDBACK_UID } from '../../../common/uids';
import { ANSWERED_STATUSES, type FeedbackTargetType, type ModerationStatus } from '../constants';
import { requirePublishedTarget } from '../targets';
import type { PublicListQuery } from '../validation';
import type { Disposition } from '../../../common/feedback';
import { publicBaseUrl } from '../../../lib/public-base-url';
import { feedbackProgress } from '../progress';
import { DISPOSITION_LABELS } from '../report';

type Named = { name?: string | null } | null | undefined;
type TargetRow = { documentId: string; title?: string | null; closesAt?: string | Date | null; outcomePublishedAt?: string | Date | null } | null | undefined;
type TrackedRow = {
  moderationStatus: ModerationStatus;
  rejectionReason?: string | null;
  disposition?: Disposition | null;
  explanation?: string | null;
  provision?: string | null;
  dispositionAt?: string | Date | null;
  category: string;
  createdAt: string | Date;
  dueAt?: string | Date | null;
  response?: string | null;
  respondedAt?: string | Date | null;
  consultationDraft?: TargetRow;
  policy?: TargetRow;
  respondingAgency?: Named;
};
type PublicRow = {
  content: string;
  category: string;
  submitterType: string;
  response?: string | null;
  respondedAt?: string | Date | null;
  respondingAgency?: Named;
};

const iso = (value: string | Date | null | undefined) => (value ? new Date(value).toISOString() : null);
const agency = (value: Named) => (value?.name ? { name: value.name } : null);
const isAnswered = (status: ModerationStatus) => ANSWERED_STATUSES.includes(status);

// A target's draft may hold text that is not public yet: only its published version is shown.
const TARGET_POPULATE = { select: ['documentId', 'title'], where: { publishedAt: { $notNull: true } } };
const DRAFT_POPULATE = { ...TARGET_POPULATE, select: [...TARGET_POPULATE.select, 'closesAt', 'outcomePublishedAt'] };

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * What the holder of a tracking code may know: status, target, dates and, once answered, the
   * answer. Never the submitter's own details (whoever holds the code is not necessarily them).
   */
  async track(trackingCode: string) {
    const row = (await strapi.db.query(FEEDBACK_UID).findOne({
      select: ['moderationStatus', 'rejectionReason', 'category', 'createdAt', 'dueAt', 'response', 'respondedAt', 'disposition', 'explanation', 'provision', 'dispositionAt'],
      where: { trackingCode },
      populate: { consultationDraft: DRAFT_POPULATE, policy: TARGET_POPULATE, respondingAgency: { select: ['name'] } },
    })) as TrackedRow | null;
    if (!row) throw notFoundError('No feedback with this tracking code');
    const type: FeedbackTargetType = row.consultationDraft ? 'consultationDraft' : 'policy';
    const target = row.consultationDraft ?? row.policy;
    const answered = isAnswered(row.moderationStatus);
    const draft = row.consultationDraft;
    const outcomePublishedAt = draft?.outcomePublishedAt ?? null;
    const { steps, currentStep } = feedbackProgress({
      targetType: type,
      status: row.moderationStatus,
      rejectionReason: row.rejectionReason,
      receivedAt: row.createdAt,
      respondedAt: row.respondedAt,
      assigned: Boolean(row.respondingAgency),
      closesAt: draft?.closesAt,
      disposition: row.disposition,
      dispositionAt: row.dispositionAt,
      outcomePublishedAt,
      now: new Date(),
    });
    // The public answer keeps the word `status`: it is a view for the submitter, not the schema.
    return {
      status: row.moderationStatus,
      category: row.category,
      target: target ? { type, documentId: target.documentId, title: target.title ?? null } : null,
      receivedAt: iso(row.createdAt),
      dueAt: iso(row.dueAt),
      // A response being drafted by the agency is not public until the feedback is answered.
      response: answered ? (row.response ?? null) : null,
      respondedAt: answered ? iso(row.respondedAt) : null,
      respondingAgency: agency(row.respondingAgency),
      // What happens next: the steps, the current one, and the agency's decision and outcome once there.
      steps,
      currentStep,
      disposition: row.disposition
        ? {
            value: row.disposition,
            label: DISPOSITION_LABELS[row.disposition],
            explanation: row.explanation?.trim() || null,
            provision: row.provision?.trim() || null,
            decidedAt: iso(row.dispositionAt),
          }
        : null,
      outcome:
        draft && outcomePublishedAt
          ? { url: `${publicBaseUrl(strapi)}/api/consultation-drafts/${draft.documentId}/outcome`, publishedAt: iso(outcomePublishedAt) }
          : null,
    };
  },

  /** Answered feedback on one published target whose submitters consented to publication, newest answer first. */
  async publicList({ target, page, pageSize }: PublicListQuery) {
    await requirePublishedTarget(strapi, target);
    const where = {
      [target.type]: { documentId: target.documentId },
      moderationStatus: { $in: [...ANSWERED_STATUSES] },
      publicConsent: true,
    };
    const [rows, total] = await Promise.all([
      strapi.db.query(FEEDBACK_UID).findMany({
        select: ['content', 'category', 'submitterType', 'response', 'respondedAt'],
        where,
        populate: { respondingAgency: { select: ['name'] } },
        orderBy: [{ respondedAt: 'desc' }, { id: 'desc' }],
        offset: (page - 1) * pageSize,
        limit: pageSize,
      }) as Promise<PublicRow[]>,
      strapi.db.query(FEEDBACK_UID).count({ where }),
    ]);
    return {
      data: rows.map((row) => ({
        content: row.content,
        category: row.category,
        submitterType: row.submitterType,
        response: row.response ?? null,
        respondedAt: iso(row.respondedAt),
        respondingAgency: agency(row.respondingAgency),
      })),
      meta: { pagination: { page, pageSize, pageCount: Math.ceil(Number(total) / pageSize), total: Number(total) } },
    };
  },
});
