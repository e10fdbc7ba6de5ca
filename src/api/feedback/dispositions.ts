import { fieldError } from '../../common/errors';
import { DISPOSITIONS, DISPOSITIONS_NEEDING_EXPLANATION, type Disposition } from '../../common/feedback';

export const isDisposition = (value: unknown): value is Disposition =>
  typeof value === 'string' && (DISPOSITIONS as readonly string[]).includes(value);

export type DispositionState = {
  disposition: unknown;
  explanation?: string | null;
  /** Whether the feedback is about a consultation draft (only those are taken in or explained). */
  onConsultationDraft: boolean;
};

/**
 * What a disposition needs, on every write path: one of the known values, a feedback on a
 * consultation draft, and an explanation (giải trình) for `not-accepted`. No disposition at all is
 * always fine.
 */
export const assertDispositionRequirements = ({ disposition, explanation, onConsultationDraft }: DispositionState): void => {
  if (disposition === null || disposition === undefined || disposition === '') return;
  if (!isDisposition(disposition)) {
    throw fieldError('disposition', `disposition must be one of ${DISPOSITIONS.join(', ')}`, { allowed: [...DISPOSITIONS] });
  }
  if (!onConsultationDraft) {
    throw fieldError('disposition', 'Only feedback on a consultation draft gets a disposition (tiếp thu / giải trình)');
  }
  if (DISPOSITIONS_NEEDING_EXPLANATION.includes(disposition) && !explanation?.trim()) {
    throw fieldError('explanation', `A feedback that is "${disposition}" needs an explanation (giải trình)`);
  }
};
