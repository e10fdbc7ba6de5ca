import type { Disposition } from '../../common/feedback';
import type { FeedbackTargetType, ModerationStatus } from './constants';
import { REJECTION_LABELS } from './notifications';
import { DISPOSITION_LABELS } from './report';

/**
 * "What happens next" for whoever holds a tracking code: the steps a piece of feedback goes
 * through, in plain Vietnamese, each done (with when, where it is known), in progress or still to
 * come. Feedback on a policy is answered by the agency in charge; feedback on a consultation draft
 * is weighed once the consultation closes (tiếp thu, giải trình) and the outcome is published.
 */
export const STEP_KEYS = ['received', 'assigned', 'answered', 'rejected', 'consultation-closed', 'disposition', 'outcome-published'] as const;
export type StepKey = (typeof STEP_KEYS)[number];
export const STEP_STATES = ['done', 'in-progress', 'upcoming'] as const;
export type StepState = (typeof STEP_STATES)[number];
export type ProgressStep = { key: StepKey; label: string; state: StepState; at: string | null };
export type Progress = { steps: ProgressStep[]; currentStep: StepKey };

type When = string | Date | null | undefined;

export type ProgressInput = {
  targetType: FeedbackTargetType;
  status: ModerationStatus;
  rejectionReason?: string | null;
  receivedAt: When;
  respondedAt?: When;
  assigned: boolean;
  /** The draft's consultation window end (published version). */
  closesAt?: When;
  disposition?: Disposition | null;
  dispositionAt?: When;
  outcomePublishedAt?: When;
  now: Date;
};

const iso = (value: When): string | null => (value ? new Date(value).toISOString() : null);

type Plan = { key: StepKey; label: string; done: boolean; at?: When };

/** The steps, the first one not done in progress; when all are done the last is the current one. */
export const feedbackProgress = (input: ProgressInput): Progress => {
  const received: Plan = { key: 'received', label: 'Đã tiếp nhận ý kiến', done: true, at: input.receivedAt };
  let plan: Plan[];
  if (input.status === 'rejected') {
    const reason = REJECTION_LABELS[input.rejectionReason ?? ''] ?? 'không đáp ứng yêu cầu tiếp nhận';
    plan = [received, { key: 'rejected', label: `Không xem xét: ${reason}`, done: true, at: input.respondedAt }];
  } else if (input.targetType === 'consultationDraft') {
    const closesAt = input.closesAt ? new Date(input.closesAt) : null;
    const disposition = input.disposition ? `: ${DISPOSITION_LABELS[input.disposition].toLowerCase()}` : '';
    plan = [
      received,
      { key: 'consultation-closed', label: 'Kết thúc thời gian lấy ý kiến', done: Boolean(closesAt && closesAt <= input.now), at: closesAt },
      { key: 'disposition', label: `Cơ quan soạn thảo tiếp thu, giải trình${disposition}`, done: Boolean(input.disposition), at: input.dispositionAt },
      { key: 'outcome-published', label: 'Công bố báo cáo tiếp thu, giải trình', done: Boolean(input.outcomePublishedAt), at: input.outcomePublishedAt },
    ];
  } else {
    const answered = input.status === 'answered' || input.status === 'closed';
    plan = [
      received,
      { key: 'assigned', label: 'Chuyển cơ quan có thẩm quyền xem xét', done: answered || input.assigned },
      { key: 'answered', label: 'Trả lời người gửi', done: answered, at: input.respondedAt },
    ];
  }
  const firstOpen = plan.findIndex((step) => !step.done);
  const steps = plan.map((step, index) => ({
    key: step.key,
    label: step.label,
    state: (step.done ? 'done' : index === firstOpen ? 'in-progress' : 'upcoming') as StepState,
    // A step that is not done has no date yet, except the consultation's planned end.
    at: step.done || step.key === 'consultation-closed' ? iso(step.at) : null,
  }));
  return { steps, currentStep: plan[firstOpen === -1 ? plan.length - 1 : firstOpen].key };
};
