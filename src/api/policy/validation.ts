import { fieldError } from '../../common/errors';

const blank = (value: unknown) => typeof value !== 'string' || value.trim() === '';

/**
 * A policy is never stored without its plain-language summary, even as a draft: citizens read the
 * summary first, and every channel (portal, Zalo, radio) is built from it.
 */
export const assertPolicySummary = (data: Record<string, unknown>, creating: boolean): void => {
  if (!creating && !('summary' in data)) return;
  if (!blank(data.summary)) return;
  throw fieldError('summary', 'summary is required: write the plain-language summary of the policy');
};
