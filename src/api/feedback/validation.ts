import { errors } from '@strapi/utils';

/** A feedback is about exactly one thing: a consultation draft or a policy in force. */
export const assertSingleTarget = (hasConsultationDraft: boolean, hasPolicy: boolean): void => {
  if (hasConsultationDraft !== hasPolicy) return;
  const message = hasPolicy
    ? 'A feedback targets either a consultationDraft or a policy, not both'
    : 'A feedback needs a target: consultationDraft or policy';
  throw new errors.ValidationError(message, {
    errors: [{ path: ['consultationDraft'], message, name: 'ValidationError' }],
  });
};
