import type { Core } from '@strapi/strapi';
import { withPermittedFilters } from '../../../common/agency-scope';
import { forbiddenError, notFoundError } from '../../../common/errors';
import {
  DISPOSITIONS,
  FEEDBACK_CATEGORIES,
  SUBMITTER_TYPES,
  type ConsultationOutcome,
  type ConsultationReport,
  type Disposition,
  type FeedbackServices,
  type ReportOptions,
} from '../../../common/feedback';
import { CONSULTATION_DRAFT_UID, FEEDBACK_UID } from '../../../common/uids';
import { reportRows, type ReportFeedback } from '../report';
import { REPORT_HEADERS, reportDocx } from '../report-docx';
import { csvWithBom, neutralizeFormula } from './export';
import { absoluteUrl } from '../../../lib/public-base-url';

/** Spam is no comment on the draft: left out of the report. */
const NOT_SPAM = { $or: [{ rejectionReason: { $null: true } }, { rejectionReason: { $ne: 'spam' } }] };
/** Only what the report shows: the submitter's name, e-mail and phone are never read. */
const REPORT_SELECT = ['id', 'content', 'category', 'submitterType', 'organizationName', 'disposition', 'explanation', 'provision'];

type DraftRow = { documentId: string; title?: string | null; policy?: { leadAgency?: { name?: string | null } | null } | null };

const zeroes = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

/**
 * The report on how a consultation draft's feedback was taken in (báo cáo tổng hợp, tiếp thu,
 * giải trình): counts, and one row per comment or group of duplicates, without personal data.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const build = async (draftDocumentId: string, { scope, draftScope }: ReportOptions): Promise<ConsultationReport> => {
    const draft = (await strapi.db.query(CONSULTATION_DRAFT_UID).findOne({
      select: ['documentId', 'title'],
      where: { documentId: draftDocumentId },
      populate: { policy: { select: ['id'], populate: { leadAgency: { select: ['name'] } } } },
    })) as DraftRow | null;
    if (!draft) throw notFoundError('Consultation draft not found', { documentId: draftDocumentId });
    const readable =
      draftScope !== null &&
      (Object.keys(draftScope).length === 0 ||
        Number(await strapi.db.query(CONSULTATION_DRAFT_UID).count({ where: withPermittedFilters({ documentId: draftDocumentId }, draftScope) })) > 0);
    if (!readable) {
      throw forbiddenError('This consultation draft is outside what your role may read: its policy is led by another agency', { documentId: draftDocumentId });
    }
    // The drafting agency accounts for every comment its draft received, whichever agency answers it:
    // a caller who may read the draft and read feedback at all gets the whole draft (no personal data is in it).
    const where = scope === null ? null : { consultationDraft: { documentId: draftDocumentId }, ...NOT_SPAM };
    const feedback = where
      ? ((await strapi.db.query(FEEDBACK_UID).findMany({ select: REPORT_SELECT, where, orderBy: [{ id: 'asc' }] })) as Array<ReportFeedback & { category: string }>)
      : [];
    const byCategory = zeroes(FEEDBACK_CATEGORIES);
    const bySubmitterType = zeroes(SUBMITTER_TYPES);
    const byDisposition = zeroes<Disposition | 'none'>([...DISPOSITIONS, 'none']);
    for (const row of feedback) {
      if (row.category in byCategory) byCategory[row.category as keyof typeof byCategory] += 1;
      if (row.submitterType in bySubmitterType) bySubmitterType[row.submitterType as keyof typeof bySubmitterType] += 1;
      byDisposition[row.disposition ?? 'none'] += 1;
    }
    return {
      draft: { documentId: draft.documentId, title: draft.title ?? '' },
      agency: draft.policy?.leadAgency?.name ?? null,
      counts: { received: feedback.length, byCategory, bySubmitterType, byDisposition },
      rows: reportRows(feedback),
    };
  };

  return {
    /** The report's counts and rows within the caller's scope; 404 for an unknown draft, 403 for one the caller may not read. */
    build,

    /** The report's table as CSV: UTF-8 with BOM, CRLF, RFC 4180 quoting, cells that would run as formulas neutralised. */
    async csv(draftDocumentId: string, options: ReportOptions) {
      const report = await build(draftDocumentId, options);
      const records = report.rows.map((row) =>
        [String(row.number), row.who, row.summary, row.provision, row.dispositionLabel, row.explanation].map(neutralizeFormula),
      );
      return csvWithBom([[...REPORT_HEADERS], ...records]);
    },

    /**
     * The public outcome of a consultation once the agency published it (a published draft with
     * `outcomePublishedAt`), else `null`: counts, the signed report's absolute URL and one item per
     * comment, its content only where the submitter consented and it was not rejected. No personal data.
     */
    async publicOutcome(draftDocumentId: string, publicBase: string): Promise<ConsultationOutcome | null> {
      const draft = (await strapi.db.query(CONSULTATION_DRAFT_UID).findOne({
        select: ['id', 'outcomePublishedAt'],
        where: { documentId: draftDocumentId, publishedAt: { $notNull: true }, outcomePublishedAt: { $notNull: true } },
        populate: { outcomeReport: { select: ['url'] } },
      })) as { outcomePublishedAt: string | Date; outcomeReport?: { url?: string | null } | null } | null;
      if (!draft) return null;
      const feedback = (await strapi.db.query(FEEDBACK_UID).findMany({
        select: ['id', 'content', 'category', 'publicConsent', 'rejectionReason', 'disposition', 'explanation', 'provision'],
        where: { consultationDraft: { documentId: draftDocumentId }, ...NOT_SPAM },
        orderBy: [{ id: 'asc' }],
      })) as Array<ReportFeedback & { category: string; publicConsent?: boolean | null; rejectionReason?: string | null }>;
      const byCategory = zeroes(FEEDBACK_CATEGORIES);
      const byDisposition = zeroes<Disposition | 'none'>([...DISPOSITIONS, 'none']);
      for (const row of feedback) {
        if (row.category in byCategory) byCategory[row.category as keyof typeof byCategory] += 1;
        byDisposition[row.disposition ?? 'none'] += 1;
      }
      const url = draft.outcomeReport?.url ?? null;
      return {
        counts: { received: feedback.length, byDisposition, byCategory },
        reportUrl: url ? absoluteUrl(publicBase, url) : null,
        publishedAt: new Date(draft.outcomePublishedAt).toISOString(),
        items: feedback.map((row) => ({
          provision: row.provision?.trim() || null,
          disposition: row.disposition ?? null,
          explanation: row.explanation?.trim() || null,
          ...(row.publicConsent === true && !row.rejectionReason ? { content: row.content } : {}),
        })),
      };
    },

    /** The report as a Word document (Decree 30/2020 layout), dated `now` at `place`. */
    async docx(draftDocumentId: string, options: ReportOptions & { place: string; now?: Date }) {
      const report = await build(draftDocumentId, options);
      return reportDocx(report, { place: options.place, now: options.now ?? new Date() });
    },
  } satisfies FeedbackServices['report'];
};
