import { z } from 'zod';
import { validationError } from '../../common/errors';
import { DEFAULT_LOCALE } from '../../common/uids';

const feedQuery = z.strictObject({
  locale: z
    .string('must be one locale code')
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a locale code such as vi or en')
    .optional(),
});

export type FeedQuery = { locale: string };

/**
 * Validates the query of `GET /api/feeds/<name>.<format>`: `locale` only (default vi). Any other
 * parameter is a 400 naming it; whether the locale exists is checked by the service.
 */
export const parseFeedQuery = (query: unknown): FeedQuery => {
  const result = feedQuery.safeParse(query ?? {});
  if (!result.success) {
    throw validationError(
      result.error.issues.flatMap((issue) =>
        issue.code === 'unrecognized_keys'
          ? issue.keys.map((key) => ({ path: [key], message: `${key} is not a parameter of this feed (only locale)` }))
          : [{ path: issue.path.map(String), message: issue.message }],
      ),
    );
  }
  return { locale: result.data.locale ?? DEFAULT_LOCALE };
};
