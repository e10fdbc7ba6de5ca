import { STAGES, USER_ACTIONS, PERMISSIONS, type Stage, type UserAction } from '../../src/plugins/approval-workflow/server/src/constants';
import {
  ALLOWED_FROM,
  allowedActions,
  awaitsReviewFrom,
  decide,
  missingPermission,
  type Decider,
  type WorkflowSnapshot,
} from '../../src/plugins/approval-workflow/server/src/domain/state-machine';

const NOW = new Date('2025-03-01T08:00:00.000Z');
const everything = () => true;
const person = (id: number, overrides: Partial<Decider> = {}): Decider => ({
  id,
  firstname: `P${id}`,
  lastname: 'Test',
  isSuperAdmin: false,
  can: everything,
  ...overrides,
});
const snapshot = (overrides: Partial<WorkflowSnapshot> = {}): WorkflowSnapshot => ({
  stage: 'draft',
  submittedById: null,
  approvals: [],
  requiredApprovals: 1,
  ...overrides,
});
const approval = (userId: number) => ({ userId, firstname: null, lastname: null, at: NOW.toISOString(), forced: false });

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

  it('refuses the same person approving twice', () => {
    const decision = decide(snapshot({ stage: 'in-review', submittedById: 1, approvals: [approval(2)], requiredApprovals: 2 }), 'approve', person(2), NOW);
    expect(decision).toMatchObject({ ok: false, kind: 'forbidden' });
    if (!decision.ok) expect(decision.message).toContain('1 more approval');
  });

  it.each([
    [1, 0, 'approved'],
    [2, 0, 'in-review'],
    [2, 1, 'approved'],
    [3, 1, 'in-review'],
    [3, 2, 'approved'],
  ])('with %i required and %i already given, one more approval leads to %s', (required, given, expected) => {
    const approvals = Array.from({ length: given }, (_, index) => approval(10 + index));
    const decision = decide(snapshot({ stage: 'in-review', submittedById: 1, approvals, requiredApprovals: required }), 'approve', person(2), NOW);
    expect(decision).toMatchObject({ ok: true, to: expected });
    if (decision.ok) expect(decision.approvals).toHaveLength(given + 1);
  });

  it('approves when the configuration lowered requiredApprovals below the approvals already given', () => {
    const decision = decide(
      snapshot({ stage: 'in-review', submittedById: 1, approvals: [approval(2), approval(3)], requiredApprovals: 1 }),
      'approve',
      person(4),
      NOW,
    );
    expect(decision).toMatchObject({ ok: true, to: 'approved' });
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
    const inReview = snapshot({ stage: 'in-review', submittedById: 1, approvals: [approval(2)], requiredApprovals: 2 });
    expect(awaitsReviewFrom(inReview, person(3))).toBe(true);
    expect(awaitsReviewFrom(inReview, person(2))).toBe(false);
    expect(awaitsReviewFrom(inReview, person(1))).toBe(false);
    expect(awaitsReviewFrom(inReview, person(3, { can: () => false }))).toBe(false);
    expect(awaitsReviewFrom(snapshot({ stage: 'draft' }), person(3))).toBe(false);
  });
});

describe('the submitter', () => {
  it('withdraws rather than requesting changes on their own submission', () => {
    expect(decide(snapshot({ stage: 'in-review', submittedById: 1 }), 'request-changes', person(1), NOW)).toMatchObject({ ok: false, kind: 'forbidden' });
  });
});
