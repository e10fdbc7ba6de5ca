import type { Core } from '@strapi/strapi';

/**
 * The feedback vocabulary shared by the app's feedback vertical (`src/api/feedback`, its home) and
 * the `public-participation` admin plugin, which reaches the vertical only through the services
 * named here: statuses, categories and reasons, and the contracts of the services the plugin calls.
 */

/** Where a feedback is in its moderation (`moderationStatus`; `status` is Strapi's draft/publish word). */
export const MODERATION_STATUSES = ['received', 'assigned', 'answered', 'rejected', 'closed'] as const;
export type ModerationStatus = (typeof MODERATION_STATUSES)[number];

export const FEEDBACK_CATEGORIES = ['comment', 'recommendation', 'difficulty', 'question'] as const;
export type FeedbackCategory = (typeof FEEDBACK_CATEGORIES)[number];

export const SUBMITTER_TYPES = ['citizen', 'business', 'organization'] as const;
export type SubmitterType = (typeof SUBMITTER_TYPES)[number];

export const FEEDBACK_SOURCES = ['web', 'zalo', 'hotline', 'meeting'] as const;
export type FeedbackSource = (typeof FEEDBACK_SOURCES)[number];

export const REJECTION_REASONS = ['spam', 'abuse', 'out-of-scope', 'duplicate'] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/**
 * How a consultation comment was taken in (báo cáo tiếp thu, giải trình): `accepted` (tiếp thu),
 * `partially-accepted` (tiếp thu một phần), `not-accepted` (không tiếp thu, with an explanation —
 * giải trình), `noted` (ghi nhận: outside the draft's scope).
 */
export const DISPOSITIONS = ['accepted', 'partially-accepted', 'not-accepted', 'noted'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/** Dispositions that cannot be recorded without an explanation. */
export const DISPOSITIONS_NEEDING_EXPLANATION: readonly Disposition[] = ['not-accepted'];

/** At most this many feedback documentIds in one bulk disposition request. */
export const BULK_DISPOSITION_MAX = 500;

/* Contracts of the feedback services the admin plugin calls (`api::feedback.<name>`). */

export type AgencyRef = { documentId: string; name: string | null; code: string | null };
export type TargetRef = { type: 'consultationDraft' | 'policy'; documentId: string; title: string | null };

export type WorkItem = {
  documentId: string;
  trackingCode: string;
  moderationStatus: ModerationStatus;
  category: FeedbackCategory;
  excerpt: string;
  receivedAt: string;
  dueAt: string | null;
  daysOverdue: number;
  source: string | null;
  target: TargetRef | null;
  respondingAgency: AgencyRef | null;
  mine: boolean;
};

export type WorkQueue = {
  data: WorkItem[];
  meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number }; myAgencies: string[] };
};

/**
 * The feedback an admin user may read, as `permittedFilters` (src/common/agency-scope.ts) gives it for
 * the content manager's read action on feedback: `{}` every feedback, `null` none, else Strapi filters
 * (e.g. "answered by one of my agencies"). Every admin read of feedback takes one: lists, counts,
 * exports and single feedback alike.
 */
export type FeedbackScope = Record<string, unknown> | null;

export type WorkQueueQuery = {
  page: number;
  pageSize: number;
  /** What the caller may read: the queue, its totals and its pages are computed within it. */
  scope: FeedbackScope;
  /** The caller: their agencies (membership, or focal point by email) come first, flagged `mine`. */
  viewerId?: number | null;
  viewerEmail?: string | null;
  overdueOnly: boolean;
  now?: Date;
};

export type AgencyCount = { agency: AgencyRef | null; total: number; open: number; overdue: number; answered: number; rejected: number };

export type DraftCounts = {
  total: number;
  byCategory: Record<FeedbackCategory, number>;
  byStatus: Record<ModerationStatus, number>;
  overdue: number;
};

export type ModerationHistoryEntry = { status: ModerationStatus; changedAt: string; changedBy: string | null; note: string | null };

export type ModerationSummary = {
  documentId: string;
  moderationStatus: ModerationStatus;
  allowedNext: ModerationStatus[];
  rejectionReason: string | null;
  respondedAt: string | null;
  respondingAgency: { documentId: string; name: string | null } | null;
  history: ModerationHistoryEntry[];
};

export type ModerationInput = {
  moderationStatus: ModerationStatus;
  rejectionReason?: RejectionReason;
  respondingAgency?: string;
  response?: string;
};

export type DispositionInput = { disposition: Disposition; explanation?: string; provision?: string };

export type DispositionView = {
  documentId: string;
  disposition: Disposition | null;
  explanation: string | null;
  provision: string | null;
  dispositionAt: string | null;
  dispositionBy: string | null;
};

/** One feedback's disposition once set, with the group of duplicates it was applied to. */
export type DispositionResult = DispositionView & {
  /** The group (same draft, same normalised content): its key and how many feedback got the disposition. */
  groupKey: string;
  groupSize: number;
  /** Every feedback the disposition was written to (this one and its duplicates within the caller's scope). */
  applied: string[];
  /** Duplicates outside the caller's scope, left as they were. */
  outsideScope: number;
};

export type BulkDispositionInput = DispositionInput & { feedbackDocumentIds: string[] };

export type BulkDispositionResult = {
  disposition: Disposition;
  requested: number;
  /** Requested feedback and their duplicates within scope: everything written, in one transaction. */
  applied: string[];
  updated: number;
  outsideScope: number;
};

export type DispositionGroup = {
  key: string;
  size: number;
  /** The disposition the whole group shares, `mixed` when its members differ, `null` when none has one. */
  disposition: Disposition | 'mixed' | null;
  sampleDocumentId: string;
};

export type DispositionSummary = {
  consultationStatus: 'upcoming' | 'open' | 'closed';
  total: number;
  withoutDisposition: number;
  byDisposition: Record<Disposition, number>;
  groups: DispositionGroup[];
};

/**
 * One line of a draft's feedback list for dispositions: a feedback, or a group of duplicates shown
 * once with its size. No personal data: no name, e-mail, phone or organisation.
 */
export type DispositionItem = {
  /** The first member (by id): sending it to the bulk route gives the disposition to the whole group. */
  documentId: string;
  groupKey: string;
  size: number;
  excerpt: string;
  category: FeedbackCategory;
  submitterType: SubmitterType;
  disposition: Disposition | 'mixed' | null;
  explanation: string | null;
  provision: string | null;
};

export type DispositionItems = {
  data: DispositionItem[];
  meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number } };
};

/** The report on how a draft's feedback was taken in (báo cáo tổng hợp, tiếp thu, giải trình). */
export type ReportRow = {
  /** Số TT, from 1. */
  number: number;
  /** Organisation names, and/or "Ý kiến người dân": never a citizen's name, e-mail or phone. */
  who: string;
  /** The comment, whitespace folded and truncated. */
  summary: string;
  /** How many feedback the row stands for (duplicates grouped). */
  count: number;
  provision: string;
  disposition: Disposition | null;
  /** The disposition in Vietnamese (Tiếp thu … Chưa xử lý). */
  dispositionLabel: string;
  explanation: string;
};

export type ConsultationReport = {
  draft: { documentId: string; title: string };
  /** The issuing agency: the lead agency of the draft's policy. */
  agency: string | null;
  counts: {
    received: number;
    byCategory: Record<FeedbackCategory, number>;
    bySubmitterType: Record<SubmitterType, number>;
    byDisposition: Record<Disposition | 'none', number>;
  };
  rows: ReportRow[];
};

export type ReportOptions = {
  /**
   * The feedback the caller may read: `null` (none) gives an empty report; otherwise the report covers
   * every comment on the draft, whichever agency answers it (the drafting agency accounts for them all).
   */
  scope: FeedbackScope;
  /** The consultation drafts the caller may read (`permittedFilters` for the draft): 403 outside it. */
  draftScope: FeedbackScope;
};

/** The public outcome of a consultation (`GET /api/consultation-drafts/:documentId/outcome`): no personal data. */
export type ConsultationOutcome = {
  counts: { received: number; byDisposition: Record<Disposition | 'none', number>; byCategory: Record<FeedbackCategory, number> };
  reportUrl: string | null;
  publishedAt: string;
  /** One per comment (spam left out); `content` only where the submitter consented to publication. */
  items: Array<{ provision: string | null; disposition: Disposition | null; explanation: string | null; content?: string }>;
};

export type FeedbackServices = {
  'agency-work': {
    workQueue(query: WorkQueueQuery): Promise<WorkQueue>;
    agencyCounts(scope: FeedbackScope, now?: Date): Promise<AgencyCount[]>;
    draftCounts(documentId: string, scope: FeedbackScope, now?: Date): Promise<DraftCounts>;
  };
  moderation: {
    /** 404 when the feedback does not exist, 403 when it is outside `scope`. */
    summary(documentId: string, scope: FeedbackScope): Promise<ModerationSummary>;
    /** Refused like `summary` when the feedback is outside `scope` (checked before any change). */
    transition(documentId: string, input: ModerationInput, scope: FeedbackScope): Promise<ModerationSummary>;
  };
  dispositions: {
    /** Sets the disposition of a feedback on a consultation draft and of its duplicates within `scope` (404, then 403 outside `scope`). */
    set(documentId: string, input: DispositionInput, scope: FeedbackScope): Promise<DispositionResult>;
    /** One disposition for many feedback of one draft (and their duplicates), all or nothing. */
    bulk(draftDocumentId: string, input: BulkDispositionInput, scope: FeedbackScope): Promise<BulkDispositionResult>;
    /** Counts and groups of duplicates of a draft's feedback within `scope` (spam left out). */
    summary(draftDocumentId: string, scope: FeedbackScope, now?: Date): Promise<DispositionSummary>;
    /** The draft's feedback within `scope` (spam left out), duplicates as one line, a page of lines; 404 for an unknown draft. */
    items(draftDocumentId: string, page: { page: number; pageSize: number }, scope: FeedbackScope): Promise<DispositionItems>;
  };
  export: {
    /** Rows (and so personal data) only of the feedback within `scope`. */
    consultationDraftCsv(documentId: string, options: { includePersonalData: boolean; scope: FeedbackScope }): Promise<string>;
  };
  report: {
    /** The report's counts and rows (spam left out, duplicates grouped, no personal data); 404 unknown draft, 403 outside `draftScope`. */
    build(draftDocumentId: string, options: ReportOptions): Promise<ConsultationReport>;
    /** The report's table as CSV: UTF-8 with BOM, RFC 4180, formulas neutralised. */
    csv(draftDocumentId: string, options: ReportOptions): Promise<string>;
    /** The report as a Word document laid out per Decree 30/2020 (`place`, date `now` in Vietnam's time zone). */
    docx(draftDocumentId: string, options: ReportOptions & { place: string; now?: Date }): Promise<Buffer>;
    /** The public outcome once published (published draft with `outcomePublishedAt`), else `null`. */
    publicOutcome(draftDocumentId: string, publicBase: string): Promise<ConsultationOutcome | null>;
  };
};

/**
 * A feedback service by name, typed by its contract. The cast is the contract: Strapi types an app
 * service as its generic `Core.Service`, and each service `satisfies` its entry above.
 */
export const feedbackService = <Name extends keyof FeedbackServices>(strapi: Core.Strapi, name: Name): FeedbackServices[Name] =>
  strapi.service(`api::feedback.${name}`) as unknown as FeedbackServices[Name];
