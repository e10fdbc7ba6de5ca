/**
 * What the approval workflow's admin API answers and its admin screens read, declared once for
 * the server (which builds these shapes) and the admin panel (which renders them).
 */

export const STAGES = ['draft', 'in-review', 'changes-requested', 'approved'] as const;
export type Stage = (typeof STAGES)[number];

/** Actions a person takes through the transitions API. */
export const USER_ACTIONS = ['submit', 'approve', 'request-changes', 'withdraw', 'force-approve'] as const;
export type UserAction = (typeof USER_ACTIONS)[number];

/** Actions recorded by the plugin itself when content changes under the workflow. */
export const RECORDED_ACTIONS = ['void', 'publish', 'unpublish', 'delete'] as const;
export type RecordedAction = (typeof RECORDED_ACTIONS)[number];
export type HistoryAction = UserAction | RecordedAction;

/** Who caused a recorded change: an admin user, an API client, or code with no request. */
export type ActorKind = 'admin' | 'api' | 'system';

export type Person = { id: number; firstname: string | null; lastname: string | null };

/**
 * The approval steps a content type may require, in the order configured. Each is taken only by
 * someone holding the role of the same name (`approval-workflow-reviewer`, `approval-workflow-leader`).
 */
export const APPROVAL_STEPS = ['reviewer', 'leader'] as const;
export type StepKey = (typeof APPROVAL_STEPS)[number];

/** `step` is the position (0-based) of the step the approval took; null for approvals given before steps existed. */
export type ApprovalView = { actor: Person | null; at: string; forced: boolean; step: number | null };

/** One configured step of a document's approval: who must take it, and who took it. */
export type StepView = {
  index: number;
  key: StepKey;
  role: { code: string; name: string };
  /** The approval that took this step, or null while it waits (or was skipped by a force-approve). */
  approval: ApprovalView | null;
};

/** One entry of a document's audit trail. */
export type HistoryEntry = {
  action: HistoryAction;
  from: Stage | null;
  to: Stage | null;
  actor: Person | null;
  actorKind: ActorKind;
  comment: string | null;
  forced: boolean;
  approvalCount: number | null;
  requiredApprovals: number | null;
  /** For an approval: the step it took (derived from its position), else null. */
  step: StepKey | null;
  contentHash: string | null;
  at: string;
};

/** `GET /documents/:uid/:documentId`: one document locale's stage, approvals, history and the caller's actions. */
export type DocumentStatus = {
  uid: string;
  documentId: string;
  locale: string | null;
  stage: Stage;
  /** The number of steps (kept for clients written before steps). */
  requiredApprovals: number;
  steps: StepView[];
  /** The step the next approval takes; null once approved. */
  nextStep: StepView | null;
  approvals: ApprovalView[];
  submittedBy: { id: number } | null;
  published: boolean;
  canPublish: boolean;
  allowedActions: UserAction[];
  history: HistoryEntry[];
};

/** `POST /documents/:uid/:documentId/transitions`: the stage after the transition. */
export type TransitionResult = {
  stage: Stage;
  requiredApprovals: number;
  steps: StepView[];
  nextStep: StepView | null;
  approvals: ApprovalView[];
};

/** One entry of `GET /content-types`: what the workflow covers, and the steps its approval takes. */
export type CoveredContentTypeView = { uid: string; steps: StepKey[]; requiredApprovals: number; displayName: string };

/** What the caller is expected to do with an inbox item. */
export type Awaiting = 'review' | 'resubmission' | 'publication';

export type InboxItem = {
  uid: string;
  contentTypeName: string;
  documentId: string;
  locale: string | null;
  title: string;
  stage: Stage;
  awaiting: Awaiting;
  approvalCount: number;
  requiredApprovals: number;
  /** The step waiting to be taken (in review), else null. */
  nextStep: StepView | null;
  submittedBy: { id: number } | null;
  waitingSince: string | null;
  allowedActions: UserAction[];
};

export type InboxPagination = { page: number; pageSize: number; total: number; pageCount: number };
export type InboxFilters = { contentTypes: Array<{ uid: string; displayName: string }>; stages: Stage[] };

/** `GET /inbox`. */
export type Inbox = { data: InboxItem[]; meta: { pagination: InboxPagination; filters: InboxFilters } };
