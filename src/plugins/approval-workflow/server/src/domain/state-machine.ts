import type { Stage, StepKey, UserAction } from '../constants';
import { PERMISSIONS, ACTION_PERMISSION, ROLES } from '../constants';

/** One approval: the step it took (by position), who took it and when. */
export type Approval = {
  userId: number;
  firstname: string | null;
  lastname: string | null;
  at: string;
  forced: boolean;
  /**
   * The position of the step this approval took. Approvals stored before steps existed have none:
   * they count for the step at their own position in the list.
   */
  step?: number;
};

/** The workflow facts of one document locale that a transition is decided on. */
export type WorkflowSnapshot = {
  stage: Stage;
  submittedById: number | null;
  approvals: Approval[];
  /** The configured steps of the content type, in order. */
  steps: readonly StepKey[];
};

/** Who asks for a transition, reduced to what the rules need. */
export type Decider = {
  id: number;
  firstname: string | null;
  lastname: string | null;
  isSuperAdmin: boolean;
  /** The codes of the admin roles the decider holds: a step is taken only with its role. */
  roleCodes: readonly string[];
  can: (permission: string) => boolean;
};

/** The admin role code that may take a step. */
export const stepRoleCode = (step: StepKey): string => ROLES[step].code;

const stepOf = (approval: Approval, position: number): number => approval.step ?? position;

/** For each configured step, the approval that took it (a forced one included), null while it waits. */
export const stepApprovals = (steps: readonly StepKey[], approvals: readonly Approval[]): Array<Approval | null> =>
  steps.map((_, index) => approvals.find((approval, position) => stepOf(approval, position) === index) ?? null);

/** The position of the first step nobody has taken yet, or null when every step is done. */
export const nextStepIndex = (steps: readonly StepKey[], approvals: readonly Approval[]): number | null => {
  const index = stepApprovals(steps, approvals).findIndex((approval) => approval === null);
  return index === -1 ? null : index;
};

/** Whether the approvals make the document approved: every step taken, or a super admin's forced approval. */
export const isFullyApproved = (steps: readonly StepKey[], approvals: readonly Approval[]): boolean =>
  approvals.some((approval) => approval.forced) || nextStepIndex(steps, approvals) === null;

/**
 * The stage to decide on. A document stored as `approved` whose steps are no longer all taken
 * (its content type gained a step since) is back in review, so the missing step can be taken
 * instead of leaving it approved but unpublishable.
 */
export const effectiveStage = (stage: Stage, steps: readonly StepKey[], approvals: readonly Approval[]): Stage =>
  stage === 'approved' && !isFullyApproved(steps, approvals) ? 'in-review' : stage;

const withArticle = (noun: string) => `${/^[AEIOU]/.test(noun) ? 'an' : 'a'} ${noun}`;

/** Why the decider cannot take a step they lack the role of: names the step, its role and theirs. */
const wrongRoleMessage = (steps: readonly StepKey[], index: number, decider: Decider): string => {
  const { label } = ROLES[steps[index]];
  const held = (Object.keys(ROLES) as Array<keyof typeof ROLES>).find((key) => decider.roleCodes.includes(ROLES[key].code));
  const who = held ? `${withArticle(ROLES[held].label.en)} cannot take it` : 'you do not hold that role';
  return (
    `This step needs ${withArticle(label.en)} (${label.vi}): ${who} (step ${index + 1} of ${steps.length}). ` +
    `/ Bước này cần ${label.vi} phê duyệt.`
  );
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
  const { stage, submittedById, approvals, steps } = snapshot;
  if (!ALLOWED_FROM[stage].includes(action)) {
    return {
      ok: false,
      kind: 'illegal-transition',
      message: `Cannot ${action} a document in stage "${stage}". Allowed actions from "${stage}": ${describeAllowed(stage)}.`,
      allowedActions: [...ALLOWED_FROM[stage]],
    };
  }
  const approval = (forced: boolean, step: number | null): Approval => ({
    userId: decider.id,
    firstname: decider.firstname,
    lastname: decider.lastname,
    at: now.toISOString(),
    forced,
    ...(step === null ? {} : { step }),
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
      // Only reachable when the configuration dropped steps after submission: the last step's role finishes it.
      const index = nextStepIndex(steps, approvals) ?? steps.length - 1;
      const taken = approvals.find((existing) => existing.userId === decider.id);
      if (taken) {
        const takenStep = steps[stepOf(taken, approvals.indexOf(taken))];
        return {
          ok: false,
          kind: 'forbidden',
          message:
            `You already approved this document${takenStep ? ` (the ${ROLES[takenStep].label.en} step)` : ''}; ` +
            `the ${ROLES[steps[index]].label.en} step must be taken by another person. ` +
            '/ Bạn đã phê duyệt văn bản này; bước tiếp theo phải do người khác thực hiện.',
        };
      }
      if (!decider.roleCodes.includes(stepRoleCode(steps[index]))) {
        return { ok: false, kind: 'forbidden', message: wrongRoleMessage(steps, index, decider) };
      }
      const next = [...approvals, approval(false, index)];
      return { ok: true, to: isFullyApproved(steps, next) ? 'approved' : 'in-review', submittedById, approvals: next };
    }
    case 'force-approve':
      if (!decider.isSuperAdmin) {
        return { ok: false, kind: 'forbidden', message: 'Only a super admin may force-approve a document.' };
      }
      return { ok: true, to: 'approved', submittedById, approvals: [...approvals, approval(true, nextStepIndex(steps, approvals))] };
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

/**
 * Whether this in-review document waits for the decider: its next step is theirs (they hold its
 * role and the approve permission), they did not submit it and took no earlier step.
 */
export const awaitsReviewFrom = (snapshot: WorkflowSnapshot, decider: Decider): boolean => {
  if (snapshot.stage !== 'in-review' || snapshot.submittedById === decider.id) return false;
  if (snapshot.approvals.some((approval) => approval.userId === decider.id)) return false;
  const index = nextStepIndex(snapshot.steps, snapshot.approvals);
  return index !== null && decider.roleCodes.includes(stepRoleCode(snapshot.steps[index])) && decider.can(PERMISSIONS.approve);
};
