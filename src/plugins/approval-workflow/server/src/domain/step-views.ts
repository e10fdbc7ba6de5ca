import type { ApprovalView, Person, StepView } from '../../../contracts';
import { ROLES, type Stage, type StepKey } from '../constants';
import { nextStepIndex, stepApprovals, stepRoleCode, type Approval } from './state-machine';

const person = (approval: Approval): Person => ({ id: approval.userId, firstname: approval.firstname, lastname: approval.lastname });

/** How an approval is shown to the admin panel. */
export const approvalView = (approval: Approval, position: number): ApprovalView => ({
  actor: person(approval),
  at: approval.at,
  forced: approval.forced,
  step: approval.step ?? position,
});

/** Each configured step with the approval that took it. */
export const stepViews = (steps: readonly StepKey[], approvals: readonly Approval[]): StepView[] => {
  const taken = stepApprovals(steps, approvals);
  return steps.map((key, index) => {
    const approval = taken[index];
    return {
      index,
      key,
      role: { code: stepRoleCode(key), name: ROLES[key].name },
      approval: approval ? approvalView(approval, approvals.indexOf(approval)) : null,
    };
  });
};

/** The step the next approval takes (the first one for a draft); none once approved. */
export const nextStepView = (stage: Stage, steps: readonly StepKey[], approvals: readonly Approval[]): StepView | null => {
  if (stage === 'approved') return null;
  const index = nextStepIndex(steps, approvals);
  return index === null ? null : stepViews(steps, approvals)[index];
};
