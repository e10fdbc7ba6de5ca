/**
 * Public participation (feedback) constants: statuses, moderation transitions, limits and codes.
 * Everything the intake, tracking, moderation, export and Zalo modules share lives here.
 */

export const FEEDBACK_STATUSES = ['received', 'assigned', 'answered', 'rejected', 'closed'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export const FEEDBACK_CATEGORIES = ['comment', 'recommendation', 'difficulty', 'question'] as const;
export type FeedbackCategory = (typeof FEEDBACK_CATEGORIES)[number];

export const SUBMITTER_TYPES = ['citizen', 'business', 'organization'] as const;
export type SubmitterType = (typeof SUBMITTER_TYPES)[number];

/** Submitter types that speak for an organisation and must name it. */
export const ORGANIZATION_SUBMITTER_TYPES: ReadonlySet<SubmitterType> = new Set(['business', 'organization']);

export const FEEDBACK_SOURCES = ['web', 'zalo', 'hotline', 'meeting'] as const;
export type FeedbackSource = (typeof FEEDBACK_SOURCES)[number];

export const REJECTION_REASONS = ['spam', 'abuse', 'out-of-scope', 'duplicate'] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/**
 * The moderation workflow: received → assigned → answered → closed, or rejected (with a reason)
 * before an answer exists. Closed and rejected are final.
 */
export const STATUS_TRANSITIONS: Readonly<Record<FeedbackStatus, readonly FeedbackStatus[]>> = {
  received: ['assigned', 'rejected'],
  assigned: ['answered', 'rejected'],
  answered: ['closed'],
  rejected: [],
  closed: [],
};

/** Statuses after which nothing is owed to the submitter any more: never overdue. */
export const SETTLED_STATUSES: ReadonlySet<FeedbackStatus> = new Set(['answered', 'closed', 'rejected']);

/** Statuses whose feedback carries a public answer. */
export const ANSWERED_STATUSES: readonly FeedbackStatus[] = ['answered', 'closed'];

export type FeedbackTargetType = 'consultationDraft' | 'policy';

export const CONTENT_MIN_LENGTH = 10;
export const CONTENT_MAX_LENGTH = 5000;
export const NAME_MAX_LENGTH = 255;
export const EMAIL_MAX_LENGTH = 254;

/** Request bodies above this size are refused with 413 on the public intake and the Zalo webhook. */
export const PUBLIC_BODY_LIMIT_BYTES = 32 * 1024;

/** The same content from the same contact for the same target within this window is a duplicate. */
export const DUPLICATE_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * Tracking codes: `GY-XXXX-XXXX`, read aloud on the phone, so no 0/O, 1/I/L or U/V look-alikes.
 * 30^8 ≈ 6.6·10^11 codes: unguessable behind the tracking rate limit.
 */
export const TRACKING_CODE_PREFIX = 'GY';
export const TRACKING_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ';
export const TRACKING_CODE_GROUPS = 2;
export const TRACKING_CODE_GROUP_LENGTH = 4;
export const TRACKING_CODE_PATTERN = /^GY-[A-Z0-9]{4}-[A-Z0-9]{4}$/;

/** Short codes citizens type at the start of a Zalo message to name a policy or draft (e.g. `DT7K3M`). */
export const SHORT_CODE_PATTERN = /^[A-Z0-9]{3,16}$/;
export const SHORT_CODE_PREFIXES = { policy: 'CS', consultationDraft: 'DT' } as const;
export const SHORT_CODE_RANDOM_LENGTH = 4;

/** Who recorded a status change when no admin user or API token made the request. */
export const SYSTEM_ACTORS = { web: 'public:web', zalo: 'public:zalo', system: 'system' } as const;

export const ZALO_SIGNATURE_HEADER = 'x-zevent-signature';
export const ZALO_TEXT_EVENTS: ReadonlySet<string> = new Set(['user_send_text']);

export const RATE_LIMIT_TABLE = 'public_rate_limits';
export const RATE_LIMIT_BUCKETS = ['intake', 'track'] as const;
export type RateLimitBucket = (typeof RATE_LIMIT_BUCKETS)[number];

export const PUBLIC_LIST_DEFAULT_PAGE_SIZE = 25;
export const PUBLIC_LIST_MAX_PAGE_SIZE = 100;
