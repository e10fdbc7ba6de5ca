import { z } from 'zod';
import { validationError } from '../../common/errors';
import { DEFAULT_LIMIT, MAX_LIMIT } from './constants';
import { decodeCursor } from './cursor';

const changesQuery = z.strictObject({
  since: z
    .string('since must be one cursor')
    .optional()
    .transform((value, context) => {
      if (value === undefined) return 0;
      const sequence = decodeCursor(value);
      if (sequence === null) {
        context.addIssue({ code: 'custom', message: 'since is not a cursor of this feed: pass back a cursor or nextCursor it returned, or omit since to start from the beginning' });
        return z.NEVER;
      }
      return sequence;
    }),
  limit: z
    .string('limit must be one whole number')
    .regex(/^\d{1,4}$/, `limit must be a whole number from 1 to ${MAX_LIMIT}`)
    .transform(Number)
    .pipe(z.number().min(1, `limit must be a whole number from 1 to ${MAX_LIMIT}`).max(MAX_LIMIT, `limit must be a whole number from 1 to ${MAX_LIMIT}`))
    .optional(),
});

export type ChangesQuery = { after: number; limit: number };

/**
 * Validates the query of `GET /api/changes`: `since` (a cursor the feed handed out; omitted = from
 * the beginning) and `limit` (1..500, default 100). Anything else is a 400 naming it.
 */
export const parseChangesQuery = (query: unknown): ChangesQuery => {
  const result = changesQuery.safeParse(query ?? {});
  if (!result.success) {
    throw validationError(
      result.error.issues.flatMap((issue) =>
        issue.code === 'unrecognized_keys'
          ? issue.keys.map((key) => ({ path: [key], message: `${key} is not a parameter of the change feed (only since and limit)` }))
          : [{ path: issue.path.map(String), message: issue.message }],
      ),
    );
  }
  return { after: result.data.since, limit: result.data.limit ?? DEFAULT_LIMIT };
};
