import { AGENCY_UID, CONSULTATION_DRAFT_UID, FEEDBACK_UID, FOCAL_POINT_UID, POLICY_UID, RADIO_SCRIPT_UID } from '../../common/uids';
import { OUTBOX_DELIVERY_UID, OUTBOX_EVENT_UID } from '../../common/publishing-outbox';

/** The history's table (database/migrations/…coverage-snapshots.js); also its read-cache tag. */
export const SNAPSHOT_TABLE = 'coverage_snapshots' as const;

/** The stages a policy is communicated at, in order (`repealed` is reported apart). */
export const STAGES = ['proposal', 'drafting', 'adopted', 'promulgated', 'implementing'] as const;
export type Stage = (typeof STAGES)[number];

/** The two roles an agency needs, each held by at least one active focal point. */
export const REQUIRED_ROLES = ['leader-in-charge', 'focal-point'] as const;
export type RequiredRole = (typeof REQUIRED_ROLES)[number];

/** Feedback still waiting for an answer (the overdue page's definition). */
export const OPEN_FEEDBACK_STATUSES = ['received', 'assigned'] as const;

export const STAGE_CHANGE_COMPONENT = 'policy.stage-change' as const;

/** Everything an answer of the coverage routes is read from: a committed write to one clears it (read cache). */
export const COVERAGE_DEPENDENCIES: readonly string[] = [
  AGENCY_UID,
  FOCAL_POINT_UID,
  POLICY_UID,
  CONSULTATION_DRAFT_UID,
  RADIO_SCRIPT_UID,
  FEEDBACK_UID,
  STAGE_CHANGE_COMPONENT,
  OUTBOX_EVENT_UID,
  OUTBOX_DELIVERY_UID,
  SNAPSHOT_TABLE,
];

export const COVERAGE_HANDLERS = ['api::coverage.coverage.summary', 'api::coverage.coverage.history'] as const;

export const HISTORY_TASK = 'coverage-history-snapshot';
export const MAX_HISTORY_MONTHS = 120;
