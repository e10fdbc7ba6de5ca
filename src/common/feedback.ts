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
  export: {
    /** Rows (and so personal data) only of the feedback within `scope`. */
    consultationDraftCsv(documentId: string, options: { includePersonalData: boolean; scope: FeedbackScope }): Promise<string>;
  };
};

/**
 * A feedback service by name, typed by its contract. The cast is the contract: Strapi types an app
 * service as its generic `Core.Service`, and each service `satisfies` its entry above.
 */
export const feedbackService = <Name extends keyof FeedbackServices>(strapi: Core.Strapi, name: Name): FeedbackServices[Name] =>
  strapi.service(`api::feedback.${name}`) as unknown as FeedbackServices[Name];
