import { errors } from '@strapi/utils';
import type { z } from 'zod';

/**
 * Checks `value` against a zod schema and throws Strapi's `ValidationError` (a 400 naming the
 * field) for the first issue, in the `{ errors: [{ path, message }] }` shape the admin panel shows.
 */
export const assertSchema = (schema: z.ZodType, value: unknown): void => {
  const result = schema.safeParse(value);
  if (result.success) return;
  const issue = result.error.issues[0];
  throw new errors.ValidationError(issue.message, {
    errors: [{ path: issue.path.map(String), message: issue.message, name: 'ValidationError' }],
  });
};
