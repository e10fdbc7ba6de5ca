import type { ModerationStatus } from '../../common/feedback';

/**
 * Feedback constants the app's feedback modules share: moderation transitions, limits and codes.
 * The vocabulary that the admin plugin also speaks (statuses, categories, reasons) is part of the
 * shared kernel, `src/common/feedback.ts`.
 */
export {
  FEEDBACK_CATEGORIES,
  FEEDBACK_SOURCES,
  MODERATION_STATUSES,
  REJECTION_REASONS,
  SUBMITTER_TYPES,
  type FeedbackCategory,
  type FeedbackSource,
  type ModerationStatus,
  type RejectionReason,
  type SubmitterType,
} from '../../common/feedback';
import type { SubmitterType } from '../../common/feedback';

/** Submitter types that speak for an organisation and must name it. */
export const ORGANIZATION_SUBMITTER_TYPES: ReadonlySet<SubmitterType> = new Set(['business', 'organization']);

/**
 * The moderation workflow: received → assigned → answered → closed, or rejected (with a reason)
 * before an answer exists. Closed and rejected are final.
 */
export const STATUS_TRANSITIONS: Readonly<Record<ModerationStatus, readonly ModerationStatus[]>> = {
  received: ['assigned', 'rejected'],
  assigned: ['answered', 'rejected'],
  answered: ['closed'],
  rejected: [],
  closed: [],
};

/** Statuses after which nothing is owed to the submitter any more: never overdue. */
export const SETTLED_STATUSES: ReadonlySet<ModerationStatus> = new Set(['answered', 'closed', 'rejected']);

/** Statuses in which an answer is still owed (overdue once past `dueAt`). */
export const OPEN_STATUSES: readonly ModerationStatus[] = ['received', 'assigned'];

/** Statuses whose feedback carries a public answer. */
export const ANSWERED_STATUSES: readonly ModerationStatus[] = ['answered', 'closed'];


export type FeedbackTargetType = 'consultationDraft' | 'policy';

export const CONTENT_MIN_LENGTH = 10;
export const CONTENT_MAX_LENGTH = 5000;
export const NAME_MAX_LENGTH = 255;
export const EMAIL_MAX_LENGTH = 254;

/** Request bodies above this size are refused with 413 on the public intake and the Zalo webhook. */
export const PUBLIC_BODY_LIMIT_BYTES = 32 * 1024;

/** The same content from the same contact for the same target within this window is a duplicate. */
export const DUPLICATE_WINDOW_MS = 24 * 60 * 60 * 1000;

/** The component of a feedback's `statusHistory` entries. */
export const STATUS_CHANGE_COMPONENT = 'feedback.status-change' as const;

/** The unique index that keeps tracking codes unique (declared in the feedback schema's `indexes`). */
export const TRACKING_CODE_INDEX = 'feedbacks_tracking_code_unique';

/**
 * Tracking codes: `GY-XXXX-XXXX`, read aloud on the phone (src/lib/readable-codes.ts).
 * 30^8 ≈ 6.6·10^11 codes: unguessable behind the tracking rate limit.
 */
export const TRACKING_CODE_PREFIX = 'GY';
export const TRACKING_CODE_GROUPS = 2;
export const TRACKING_CODE_GROUP_LENGTH = 4;
export const TRACKING_CODE_PATTERN = /^GY-[A-Z0-9]{4}-[A-Z0-9]{4}$/;


/** Who recorded a status change when no admin user or API token made the request. */
export const SYSTEM_ACTORS = { web: 'public:web', zalo: 'public:zalo', system: 'system' } as const;

export const ZALO_SIGNATURE_HEADER = 'x-zevent-signature';
export const ZALO_TEXT_EVENTS: ReadonlySet<string> = new Set(['user_send_text']);

export const RATE_LIMIT_TABLE = 'public_rate_limits';
export const RATE_LIMIT_BUCKETS = ['intake', 'track'] as const;
export type RateLimitBucket = (typeof RATE_LIMIT_BUCKETS)[number];

export const PUBLIC_LIST_DEFAULT_PAGE_SIZE = 25;
export const PUBLIC_LIST_MAX_PAGE_SIZE = 100;

/** Daily removal of expired rate-limit counters (one row per client address and window). */
export const RATE_LIMIT_CLEANUP_TASK = 'feedback::rate-limit-cleanup';
export const RATE_LIMIT_CLEANUP_RULE = '17 3 * * *';
/** The daily e-mail of overdue feedback to agencies' focal points (rule in config/feedback.ts, Vietnam's time). */
export const OVERDUE_DIGEST_TASK = 'feedback::overdue-digest';
export const OVERDUE_DIGEST_TIMEZONE = 'Asia/Ho_Chi_Minh';
