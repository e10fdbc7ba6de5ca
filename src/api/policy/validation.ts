import { errors } from '@strapi/utils';

const blank = (value: unknown) => typeof value !== 'string' || value.trim() === '';

/**
 * A policy is never stored without its plain-language summary, even as a draft: citizens read the
 * summary first, and every channel (portal, Zalo, radio) is built from it.
 */
export const assertPolicySummary = (data: Record<string, unknown>, creating: boolean): void => {
  if (!creating && !('summary' in data)) return;
  if (!blank(data.summary)) return;
  const message = 'summary is required: write the plain-language summary of the policy';
  throw new errors.ValidationError(message, {
    errors: [{ path: ['summary'], message, name: 'ValidationError' }],
  });
};
