import { STAGES, USER_ACTIONS, PERMISSIONS, type Stage, type UserAction } from '../../src/plugins/approval-workflow/server/src/constants';
import {
  ALLOWED_FROM,
  allowedActions,
  awaitsReviewFrom,
  decide,
  effectiveStage,
  isFullyApproved,
  missingPermission,
  nextStepIndex,
  type Decider,
  type WorkflowSnapshot,
} from '../../src/plugins/approval-workflow/server/src/domain/state-machine';

const NOW = new Date('2025-03-01T08:00:00.000Z');
const everything = () => true;
const REVIEWER = 'approval-workflow-reviewer';
const LEADER = 'approval-workflow-leader';
const POLICY_STEPS = ['reviewer', 'leader'] as const;
/** A person holding both step roles unless told otherwise, so the four-eyes cases test one rule at a time. */
const person = (id: number, overrides: Partial<Decider> = {}): Decider => ({
  id,
  firstname: `P${id}`,
  lastname: 'Test',
  isSuperAdmin: false,
  roleCodes: [REVIEWER, LEADER],
  can: everything,
  ...overrides,
});
const reviewer = (id: number) => person(id, { roleCodes: [REVIEWER] });
const leader = (id: number) => person(id, { roleCodes: [LEADER] });
const snapshot = (overrides: Partial<WorkflowSnapshot> = {}): WorkflowSnapshot => ({
  stage: 'draft',
  submittedById: null,
  approvals: [],
  steps: ['reviewer'],
  ...overrides,
});
const approval = (userId: number, step?: number) => ({
  userId,
  firstname: null,
  lastname: null,
  at: NOW.toISOString(),
  forced: false,
  ...(step === undefined ? {} : { step }),
});

describe('the stage machine', () => {
  const cases = STAGES.flatMap((stage) => USER_ACTIONS.map((action) => [stage, action] as [Stage, UserAction]));

  it.each(cases)('from %s, %s is allowed exactly when ALLOWED_FROM says so', (stage, action) => {
    const submitter = person(1);
    const decider = action === 'withdraw' ? submitter : person(2, { isSuperAdmin: true });
    const decision = decide(snapshot({ stage, submittedById: 1 }), action, decider, NOW);
    if (ALLOWED_FROM[stage].includes(action)) {
      expect(decision.ok).toBe(true);
    } else {
      expect(decision).toMatchObject({ ok: false, kind: 'illegal-transition', allowedActions: [...ALLOWED_FROM[stage]] });
      if (!decision.ok) expect(decision.message).toContain(`"${stage}"`);
    }
  });

  it('leaves an approved document no action at all, and says how to move on', () => {
    const decision = decide(snapshot({ stage: 'approved' }), 'submit', person(1), NOW);
    expect(decision).toMatchObject({ ok: false, kind: 'illegal-transition', allowedActions: [] });
    if (!decision.ok) expect(decision.message).toMatch(/an edit of the document starts a new round/);
  });

  it('records the submitter and clears approvals on submit', () => {
    const decision = decide(snapshot({ stage: 'changes-requested', approvals: [approval(5)] }), 'submit', person(3), NOW);
    expect(decision).toEqual({ ok: true, to: 'in-review', submittedById: 3, approvals: [] });
  });
});

describe('four eyes', () => {
  it('refuses the submitter approving their own submission', () => {
    const decision = decide(snapshot({ stage: 'in-review', submittedById: 7 }), 'approve', person(7), NOW);
    expect(decision).toMatchObject({ ok: false, kind: 'forbidden' });
  });

  it('refuses the same person approving twice, even when they hold the next step’s role', () => {
    const decision = decide(
      snapshot({ stage: 'in-review', submittedById: 1, approvals: [approval(2, 0)], steps: [...POLICY_STEPS] }),
      'approve',
      person(2),
      NOW,
    );
    expect(decision).toMatchObject({ ok: false, kind: 'forbidden' });
    if (!decision.ok) expect(decision.message).toContain('You already approved this document (the Reviewer step); the Leader step must be taken by another person');
  });

  it.each([
    [['reviewer'], 0, 'approved'],
    [['reviewer', 'leader'], 0, 'in-review'],
    [['reviewer', 'leader'], 1, 'approved'],
    [['reviewer', 'reviewer', 'leader'], 1, 'in-review'],
    [['reviewer', 'reviewer', 'leader'], 2, 'approved'],
  ] as const)('with steps %j and %i taken, taking the next one leads to %s', (steps, given, expected) => {
    const approvals = Array.from({ length: given }, (_, index) => approval(10 + index, index));
    const decision = decide(snapshot({ stage: 'in-review', submittedById: 1, approvals, steps: [...steps] }), 'approve', person(2), NOW);
    expect(decision).toMatchObject({ ok: true, to: expected });
    if (decision.ok) expect(decision.approvals.at(-1)).toMatchObject({ userId: 2, step: given });
  });

  it('finishes with the last step’s role when the configuration dropped steps after submission', () => {
    const steps = ['reviewer'] as const;
    const approvals = [approval(2, 0), approval(3, 1)];
    expect(decide(snapshot({ stage: 'in-review', submittedById: 1, approvals, steps: [...steps] }), 'approve', reviewer(4), NOW)).toMatchObject({
      ok: true,
      to: 'approved',
    });
  });
  it('lets only the submitter withdraw', () => {
    expect(decide(snapshot({ stage: 'in-review', submittedById: 1 }), 'withdraw', person(2), NOW)).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(decide(snapshot({ stage: 'in-review', submittedById: 1 }), 'withdraw', person(1), NOW)).toMatchObject({ ok: true, to: 'draft' });
  });

  it('clears approvals when changes are requested', () => {
    const decision = decide(snapshot({ stage: 'in-review', submittedById: 1, approvals: [approval(2)] }), 'request-changes', person(3), NOW);
    expect(decision).toEqual({ ok: true, to: 'changes-requested', submittedById: 1, approvals: [] });
  });
});

describe('role-specific steps', () => {
  const inReview = (approvals: ReturnType<typeof approval>[] = []) =>
    snapshot({ stage: 'in-review', submittedById: 1, approvals, steps: [...POLICY_STEPS] });

  it('lets a reviewer take the first step and keeps the document in review for the leader', () => {
    expect(decide(inReview(), 'approve', reviewer(2), NOW)).toMatchObject({ ok: true, to: 'in-review', approvals: [{ userId: 2, step: 0 }] });
  });

  it('refuses a leader the reviewer step, naming the step, its role and theirs', () => {
    const decision = decide(inReview(), 'approve', leader(3), NOW);
    expect(decision).toMatchObject({ ok: false, kind: 'forbidden' });
    if (!decision.ok) expect(decision.message).toMatch(/^This step needs a Reviewer \(Người duyệt\): a Leader cannot take it \(step 1 of 2\)/);
  });

  it('refuses a second reviewer the leader step', () => {
    const decision = decide(inReview([approval(2, 0)]), 'approve', reviewer(4), NOW);
    expect(decision).toMatchObject({ ok: false, kind: 'forbidden' });
    if (!decision.ok) expect(decision.message).toContain('This step needs a Leader (Lãnh đạo): a Reviewer cannot take it (step 2 of 2)');
  });

  it('approves once the leader takes the last step', () => {
    expect(decide(inReview([approval(2, 0)]), 'approve', leader(3), NOW)).toMatchObject({ ok: true, to: 'approved' });
  });

  it('refuses a super admin without the step’s role an ordinary approval (force-approve is their way)', () => {
    const decision = decide(inReview(), 'approve', person(9, { isSuperAdmin: true, roleCodes: ['strapi-super-admin'] }), NOW);
    expect(decision).toMatchObject({ ok: false, kind: 'forbidden' });
    if (!decision.ok) expect(decision.message).toContain('needs a Reviewer (Người duyệt): you do not hold that role');
  });

  it('counts approvals stored before steps existed for the step at their position', () => {
    expect(nextStepIndex(POLICY_STEPS, [approval(2)])).toBe(1);
    expect(isFullyApproved(POLICY_STEPS, [approval(2), approval(3)])).toBe(true);
  });

  it('puts an approved document back in review when its type gained a step since, unless it was forced', () => {
    expect(effectiveStage('approved', POLICY_STEPS, [approval(2, 0)])).toBe('in-review');
    expect(effectiveStage('approved', POLICY_STEPS, [{ ...approval(9, 0), forced: true }])).toBe('approved');
    expect(effectiveStage('approved', POLICY_STEPS, [approval(2, 0), approval(3, 1)])).toBe('approved');
    expect(effectiveStage('draft', POLICY_STEPS, [])).toBe('draft');
  });
});

describe('force-approve', () => {
  it('is for super admins only', () => {
    expect(decide(snapshot(), 'force-approve', person(1), NOW)).toMatchObject({ ok: false, kind: 'forbidden' });
  });

  it.each(['draft', 'in-review', 'changes-requested'] as Stage[])('approves from %s, marked as forced, even for the submitter', (stage) => {
    const decision = decide(snapshot({ stage, submittedById: 9 }), 'force-approve', person(9, { isSuperAdmin: true }), NOW);
    expect(decision).toMatchObject({ ok: true, to: 'approved' });
    if (decision.ok) expect(decision.approvals.at(-1)).toMatchObject({ userId: 9, forced: true, at: NOW.toISOString() });
  });
});

describe('permissions', () => {
  it.each([
    ['submit', PERMISSIONS.submit],
    ['withdraw', PERMISSIONS.submit],
    ['approve', PERMISSIONS.approve],
    ['request-changes', PERMISSIONS.review],
    ['force-approve', PERMISSIONS.forceApprove],
  ] as Array<[UserAction, string]>)('%s needs %s', (action, permission) => {
    expect(missingPermission(action, { can: () => false })).toBe(permission);
    expect(missingPermission(action, { can: (candidate) => candidate === permission })).toBeNull();
  });
});

describe('the actions offered to a person', () => {
  it('offers a reviewer approve and request-changes on someone else’s submission', () => {
    const reviewer = person(2, { can: (permission) => permission === PERMISSIONS.approve || permission === PERMISSIONS.review });
    expect(allowedActions(snapshot({ stage: 'in-review', submittedById: 1 }), reviewer)).toEqual(['approve', 'request-changes']);
  });

  it('offers the submitter only withdraw', () => {
    expect(allowedActions(snapshot({ stage: 'in-review', submittedById: 1 }), person(1))).toEqual(['withdraw']);
  });

  it('offers a super admin force-approve on a draft', () => {
    expect(allowedActions(snapshot(), person(1, { isSuperAdmin: true }))).toEqual(['submit', 'force-approve']);
  });

  it('offers nothing without permissions', () => {
    expect(allowedActions(snapshot({ stage: 'in-review', submittedById: 1 }), person(2, { can: () => false }))).toEqual([]);
  });

  it('counts a document as awaiting review only from people who can still act on it', () => {
    const inReview = snapshot({ stage: 'in-review', submittedById: 1, approvals: [approval(2, 0)], steps: [...POLICY_STEPS] });
    expect(awaitsReviewFrom(inReview, person(3))).toBe(true);
    expect(awaitsReviewFrom(inReview, leader(3))).toBe(true);
    expect(awaitsReviewFrom(inReview, reviewer(3))).toBe(false);
    expect(awaitsReviewFrom(inReview, person(2))).toBe(false);
    expect(awaitsReviewFrom(inReview, person(1))).toBe(false);
    expect(awaitsReviewFrom(inReview, person(3, { can: () => false }))).toBe(false);
    expect(awaitsReviewFrom(snapshot({ stage: 'draft' }), person(3))).toBe(false);
    const fresh = snapshot({ stage: 'in-review', submittedById: 1, steps: [...POLICY_STEPS] });
    expect(awaitsReviewFrom(fresh, reviewer(3))).toBe(true);
    expect(awaitsReviewFrom(fresh, leader(3))).toBe(false);
  });
});

describe('the submitter', () => {
  it('withdraws rather than requesting changes on their own submission', () => {
    expect(decide(snapshot({ stage: 'in-review', submittedById: 1 }), 'request-changes', person(1), NOW)).toMatchObject({ ok: false, kind: 'forbidden' });
  });
});
