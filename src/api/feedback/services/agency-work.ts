import type { Core } from '@strapi/strapi';
import {
  FEEDBACK_CATEGORIES,
  MODERATION_STATUSES,
  type FeedbackCategory,
  type FeedbackScope,
  type FeedbackServices,
  type ModerationStatus,
  type WorkQueueQuery,
} from '../../../common/feedback';
import { FEEDBACK_UID, FOCAL_POINT_UID } from '../../../common/uids';
import { daysOverdue, isOverdue } from '../moderation';
import { memberAgenciesOf, withinScope } from '../scope';

type AgencyRow = { documentId: string; name?: string | null; code?: string | null } | null | undefined;
type TargetRow = { documentId: string; title?: string | null } | null | undefined;
type WorkRow = {
  documentId: string;
  trackingCode: string;
  moderationStatus: ModerationStatus;
  category: FeedbackCategory;
  content: string;
  createdAt: string | Date;
  dueAt?: string | Date | null;
  source?: string | null;
  respondingAgency?: AgencyRow;
  consultationDraft?: TargetRow;
  policy?: TargetRow;
};

/** Spam (the honeypot, or rejected as spam) is never counted. */
const NOT_SPAM = { $or: [{ rejectionReason: { $null: true } }, { rejectionReason: { $ne: 'spam' } }] };
const AGENCY_SELECT = { select: ['documentId', 'name', 'code'] };
const TARGET_SELECT = { select: ['documentId', 'title'] };
const EXCERPT_LENGTH = 160;

const zeroes = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
const excerpt = (text: string) => ([...text].length > EXCERPT_LENGTH ? `${[...text].slice(0, EXCERPT_LENGTH).join('')}…` : text);

export default ({ strapi }: { strapi: Core.Strapi }) => {
  /**
   * The agencies an admin user works for: those they are a member of (agency access), and those
   * they are a focal point (or leader in charge) of, matched by email.
   */
  const agenciesOf = async (userId: number | null | undefined, email: string | null | undefined): Promise<Set<string>> => {
    const members = await memberAgenciesOf(strapi, userId);
    if (!email) return new Set(members);
    const rows = (await strapi.db.query(FOCAL_POINT_UID).findMany({
      where: { email: { $eqi: email }, active: true },
      populate: { agency: { select: ['documentId'] } },
    })) as Array<{ agency?: { documentId: string } | null }>;
    return new Set([...members, ...rows.map((row) => row.agency?.documentId).filter((id): id is string => Boolean(id))]);
  };

  /** The feedback rows matching `where` within `scope` (none without querying when nothing is in scope). */
  const findInScope = async (scope: FeedbackScope, where: Record<string, unknown>, query: Record<string, unknown>): Promise<WorkRow[]> => {
    const scoped = withinScope(where, scope);
    if (!scoped) return [];
    return (await strapi.db.query(FEEDBACK_UID).findMany({ ...query, where: scoped })) as WorkRow[];
  };

  return {

    /**
     * Feedback still owed an answer (received or assigned) that the caller may read (`scope`),
     * only the overdue ones when `overdueOnly`. The viewer's own agencies come first (a focal
     * point starts with their own work), then the earliest due; totals count only what is in scope.
     */
    async workQueue({ page, pageSize, scope, viewerId, viewerEmail, overdueOnly, now = new Date() }: WorkQueueQuery) {
      const mine = await agenciesOf(viewerId, viewerEmail);
      const rows = await findInScope(
        scope,
        { moderationStatus: { $in: ['received', 'assigned'] }, ...(overdueOnly ? { dueAt: { $lt: now } } : {}) },
        {
          select: ['documentId', 'trackingCode', 'moderationStatus', 'category', 'content', 'createdAt', 'dueAt', 'source'],
          populate: { respondingAgency: AGENCY_SELECT, consultationDraft: TARGET_SELECT, policy: TARGET_SELECT },
          orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
        },
      );
      const own = (row: WorkRow) => Boolean(row.respondingAgency && mine.has(row.respondingAgency.documentId));
      const sorted = [...rows.filter(own), ...rows.filter((row) => !own(row))];
      const start = (page - 1) * pageSize;
      return {
        data: sorted.slice(start, start + pageSize).map((row) => ({
          documentId: row.documentId,
          trackingCode: row.trackingCode,
          moderationStatus: row.moderationStatus,
          category: row.category,
          excerpt: excerpt(row.content),
          receivedAt: new Date(row.createdAt).toISOString(),
          dueAt: row.dueAt ? new Date(row.dueAt).toISOString() : null,
          daysOverdue: daysOverdue(row.dueAt, now),
          source: row.source ?? null,
          target: row.consultationDraft
            ? { type: 'consultationDraft' as const, documentId: row.consultationDraft.documentId, title: row.consultationDraft.title ?? null }
            : row.policy
              ? { type: 'policy' as const, documentId: row.policy.documentId, title: row.policy.title ?? null }
              : null,
          respondingAgency: row.respondingAgency
            ? { documentId: row.respondingAgency.documentId, name: row.respondingAgency.name ?? null, code: row.respondingAgency.code ?? null }
            : null,
          mine: own(row),
        })),
        meta: {
          pagination: { page, pageSize, pageCount: Math.ceil(sorted.length / pageSize), total: sorted.length },
          myAgencies: [...mine],
        },
      };
    },

    /** Per responding agency (and "not yet assigned"): open, overdue and answered feedback, within `scope`. */
    async agencyCounts(scope: FeedbackScope, now: Date = new Date()) {
      const rows = await findInScope(scope, NOT_SPAM, { select: ['moderationStatus', 'dueAt'], populate: { respondingAgency: AGENCY_SELECT } });
      const byAgency = new Map<string, { agency: AgencyRow; total: number; open: number; overdue: number; answered: number; rejected: number }>();
      for (const row of rows) {
        const key = row.respondingAgency?.documentId ?? '';
        const entry = byAgency.get(key) ?? { agency: row.respondingAgency ?? null, total: 0, open: 0, overdue: 0, answered: 0, rejected: 0 };
        entry.total += 1;
        if (row.moderationStatus === 'received' || row.moderationStatus === 'assigned') entry.open += 1;
        if (row.moderationStatus === 'answered' || row.moderationStatus === 'closed') entry.answered += 1;
        if (row.moderationStatus === 'rejected') entry.rejected += 1;
        if (isOverdue(row, now)) entry.overdue += 1;
        byAgency.set(key, entry);
      }
      return [...byAgency.values()]
        .map(({ agency, ...counts }) => ({
          agency: agency ? { documentId: agency.documentId, name: agency.name ?? null, code: agency.code ?? null } : null,
          ...counts,
        }))
        .sort((a, b) => b.overdue - a.overdue || b.open - a.open || String(a.agency?.name ?? '~').localeCompare(String(b.agency?.name ?? '~'), 'vi'));
    },

    /**
     * Feedback on one consultation draft by category and by status (spam left out), for its edit
     * view: only the feedback within `scope` is counted.
     */
    async draftCounts(documentId: string, scope: FeedbackScope, now: Date = new Date()) {
      const rows = await findInScope(scope, { consultationDraft: { documentId }, ...NOT_SPAM }, { select: ['moderationStatus', 'category', 'dueAt'] });
      const byCategory = zeroes(FEEDBACK_CATEGORIES);
      const byStatus = zeroes(MODERATION_STATUSES);
      let overdue = 0;
      for (const row of rows) {
        byCategory[row.category] += 1;
        byStatus[row.moderationStatus] += 1;
        if (isOverdue(row, now)) overdue += 1;
      }
      return { total: rows.length, byCategory, byStatus, overdue };
    },
  } satisfies FeedbackServices['agency-work'];
};
