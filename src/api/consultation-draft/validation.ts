import { errors } from '@strapi/utils';
import { z } from 'zod';

const dateTime = z.union([z.string(), z.date()]).nullish();

const windowSchema = z
  .object({ opensAt: dateTime, closesAt: dateTime })
  .refine(
    ({ opensAt, closesAt }) => !opensAt || !closesAt || new Date(closesAt).getTime() > new Date(opensAt).getTime(),
    { message: 'closesAt must be after opensAt', path: ['closesAt'] },
  );

/** Rejects a consultation window whose `closesAt` is not after its `opensAt` (after merging the stored values). */
export const assertConsultationWindow = (window: { opensAt?: unknown; closesAt?: unknown }): void => {
  const result = windowSchema.safeParse(window);
  if (result.success) return;
  const issue = result.error.issues[0];
  throw new errors.ValidationError(issue.message, {
    errors: [{ path: issue.path.map(String), message: issue.message, name: 'ValidationError' }],
  });
};
