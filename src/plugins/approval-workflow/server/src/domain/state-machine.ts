import type { Stage, UserAction } from '../constants';
import { PERMISSIONS, ACTION_PERMISSION } from '../constants';

/** One approval counted towards `requiredApprovals`. */
export type Approval = {
  userId: number;
  firstname: string | null;
  lastname: string | null;
  at: string;
  forced: boolean;
};

/** The workflow facts of one document locale that a transition is decided on. */
export type WorkflowSnapshot = {
  stage: Stage;
  submittedById: number | null;
  approvals: Approval[];
  requiredApprovals: number;
};

/** Who asks for a transition, reduced to what the rules need. */
export type Decider = {
  id: number;
  firstname: string | null;
  lastname: string | null;
  isSuperAdmin: boolean;
  can: (permission: string) => boolean;
};

export type Decision =
  | { ok: true; to: Stage; submittedById: number | null; approvals: Approval[] }
  | { ok: false; kind: 'illegal-transition'; message: string; allowedActions: UserAction[] }
  | { ok: false; kind: 'forbidden'; message: string };

/**
 * The stage machine: which actions may start from which stage. `approved` accepts none: only an
 * edit (which voids the approval) moves an approved document again.
 */
export const ALLOWED_FROM: Readonly<Record<Stage, readonly UserAction[]>> = {
  draft: ['submit', 'force-approve'],
  'in-review': ['approve', 'request-changes', 'withdraw', 'force-approve'],
  'changes-requested': ['submit', 'force-approve'],
  approved: [],
};

const describeAllowed = (stage: Stage) => {
  const allowed = ALLOWED_FROM[stage];
  return allowed.length > 0 ? allowed.join(', ') : 'none (an edit of the document starts a new round)';
};

/** The permission a transition action requires, or null when the decider holds it. */
export const missingPermission = (action: UserAction, decider: Pick<Decider, 'can'>): string | null => {
  const permission = ACTION_PERMISSION[action];
  return decider.can(permission) ? null : permission;
};

/**
 * Decides a transition on pure data: the stage rule (409 when broken) first, then the four-eyes
 * rules (403). Permissions are checked by the caller before the document is even looked up.
 */
export const decide = (snapshot: WorkflowSnapshot, action: UserAction, decider: Decider, now: Date): Decision => {
  const { stage, submittedById, approvals, requiredApprovals } = snapshot;
  if (!ALLOWED_FROM[stage].includes(action)) {
    return {
      ok: false,
      kind: 'illegal-transition',
      message: `Cannot ${action} a document in stage "${stage}". Allowed actions from "${stage}": ${describeAllowed(stage)}.`,
      allowedActions: [...ALLOWED_FROM[stage]],
    };
  }
  const approval = (forced: boolean): Approval => ({
    userId: decider.id,
    firstname: decider.firstname,
    lastname: decider.lastname,
    at: now.toISOString(),
    forced,
  });

  switch (action) {
    case 'submit':
      return { ok: true, to: 'in-review', submittedById: decider.id, approvals: [] };
    case 'withdraw':
      if (submittedById !== decider.id) {
        return { ok: false, kind: 'forbidden', message: 'Only the person who submitted this document can withdraw it.' };
      }
      return { ok: true, to: 'draft', submittedById, approvals: [] };
    case 'request-changes':
      if (submittedById === decider.id) {
        return { ok: false, kind: 'forbidden', message: 'You submitted this document: withdraw it instead of requesting changes.' };
      }
      return { ok: true, to: 'changes-requested', submittedById, approvals: [] };
    case 'approve': {
      if (submittedById === decider.id) {
        return {
          ok: false,
          kind: 'forbidden',
          message: 'Four-eyes rule: you submitted this document, so another person must approve it.',
        };
      }
      if (approvals.some((existing) => existing.userId === decider.id)) {
        const missing = Math.max(requiredApprovals - approvals.length, 0);
        return {
          ok: false,
          kind: 'forbidden',
          message: `You have already approved this document; ${missing} more approval(s) must come from other people.`,
        };
      }
      const next = [...approvals, approval(false)];
      return { ok: true, to: next.length >= requiredApprovals ? 'approved' : 'in-review', submittedById, approvals: next };
    }
    case 'force-approve':
      if (!decider.isSuperAdmin) {
        return { ok: false, kind: 'forbidden', message: 'Only a super admin may force-approve a document.' };
      }
      return { ok: true, to: 'approved', submittedById, approvals: [...approvals, approval(true)] };
    default: {
      const unknown: never = action;
      throw new Error(`unknown action ${String(unknown)}`);
    }
  }
};

/** The actions the decider may take right now (what the admin panel shows as buttons). */
export const allowedActions = (snapshot: WorkflowSnapshot, decider: Decider): UserAction[] =>
  ALLOWED_FROM[snapshot.stage].filter(
    (action) => missingPermission(action, decider) === null && decide(snapshot, action, decider, new Date(0)).ok,
  );

/** Whether the decider can move this in-review document forward (approve or request changes). */
export const awaitsReviewFrom = (snapshot: WorkflowSnapshot, decider: Decider): boolean =>
  snapshot.stage === 'in-review' &&
  snapshot.submittedById !== decider.id &&
  !snapshot.approvals.some((approval) => approval.userId === decider.id) &&
  (decider.can(PERMISSIONS.approve) || decider.can(PERMISSIONS.review));
