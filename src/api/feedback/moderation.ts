import { fieldError } from '../../common/errors';
import { ANSWERED_STATUSES, MODERATION_STATUSES, REJECTION_REASONS, SETTLED_STATUSES, STATUS_TRANSITIONS, type ModerationStatus } from './constants';

export const isModerationStatus = (value: unknown): value is ModerationStatus =>
  typeof value === 'string' && (MODERATION_STATUSES as readonly string[]).includes(value);

/** The statuses a feedback in `from` may move to. */
export const allowedNextStatuses = (from: ModerationStatus): readonly ModerationStatus[] => STATUS_TRANSITIONS[from];

const fail = (message: string, path: string, details: Record<string, unknown> = {}): never => {
  throw fieldError(path, message, details);
};

/** Refuses an illegal status jump, naming the statuses allowed next. */
export const assertTransition = (from: ModerationStatus, to: ModerationStatus): void => {
  if (from === to) return;
  const allowed = allowedNextStatuses(from);
  if (allowed.includes(to)) return;
  const next = allowed.length > 0 ? `allowed next: ${allowed.join(', ')}` : `"${from}" is final`;
  fail(`A feedback cannot go from "${from}" to "${to}" (${next})`, 'moderationStatus', { from, to, allowed: [...allowed] });
};

export type ModerationState = {
  moderationStatus: ModerationStatus;
  rejectionReason?: string | null;
  hasRespondingAgency: boolean;
  response?: string | null;
};

/**
 * What each status needs: a rejection reason for `rejected`, a responding agency from `assigned`
 * on, and a response for `answered` and `closed`.
 */
export const assertStatusRequirements = (state: ModerationState): void => {
  if (state.moderationStatus === 'rejected') {
    if (!state.rejectionReason || !(REJECTION_REASONS as readonly string[]).includes(state.rejectionReason)) {
      fail(`A rejected feedback needs a rejectionReason (${REJECTION_REASONS.join(', ')})`, 'rejectionReason');
    }
    return;
  }
  if (state.moderationStatus !== 'received' && !state.hasRespondingAgency) {
    fail(`A feedback that is "${state.moderationStatus}" needs a respondingAgency`, 'respondingAgency');
  }
  if (ANSWERED_STATUSES.includes(state.moderationStatus) && !state.response?.trim()) {
    fail(`A feedback that is "${state.moderationStatus}" needs a response`, 'response');
  }
};

type DateInput = string | Date | null | undefined;

/** Overdue: still owed an answer (not answered, closed or rejected) and past its `dueAt`. */
export const isOverdue = (feedback: { moderationStatus: string; dueAt?: DateInput }, now: Date = new Date()): boolean => {
  if (!feedback.dueAt || !isModerationStatus(feedback.moderationStatus) || SETTLED_STATUSES.has(feedback.moderationStatus)) return false;
  const due = new Date(feedback.dueAt).getTime();
  return !Number.isNaN(due) && due < now.getTime();
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days past `dueAt` (0 on the day it falls due). */
export const daysOverdue = (dueAt: DateInput, now: Date = new Date()): number => {
  if (!dueAt) return 0;
  return Math.max(0, Math.floor((now.getTime() - new Date(dueAt).getTime()) / DAY_MS));
};

/** The answer deadline of a feedback received at `receivedAt`. */
export const dueDate = (receivedAt: Date, responseDays: number): Date => new Date(receivedAt.getTime() + responseDays * DAY_MS);
