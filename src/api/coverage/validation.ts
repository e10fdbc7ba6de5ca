import { z } from 'zod';
import { validationError } from '../../common/errors';
import { MAX_HISTORY_MONTHS } from './constants';
import { isCalendarDay } from './dates';

const day = (name: string) =>
  z
    .string(`${name} must be one date written YYYY-MM-DD`)
    .refine(isCalendarDay, `${name} must be a date written YYYY-MM-DD (e.g. 2026-01-31)`)
    .optional();

const coverageQuery = z
  .strictObject({
    from: day('from'),
    to: day('to'),
    format: z.enum(['json', 'csv'], 'format must be json or csv').optional(),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, { message: 'from must not be after to', path: ['from'] });

const historyQuery = z.strictObject({
  months: z
    .string('months must be one whole number')
    .regex(/^\d{1,3}$/, `months must be a whole number from 1 to ${MAX_HISTORY_MONTHS}`)
    .transform(Number)
    .pipe(z.number().min(1, `months must be a whole number from 1 to ${MAX_HISTORY_MONTHS}`).max(MAX_HISTORY_MONTHS, `months must be a whole number from 1 to ${MAX_HISTORY_MONTHS}`))
    .optional(),
});

const parse = <T extends z.ZodType>(schema: T, query: unknown, allowed: string): z.output<T> => {
  const result = schema.safeParse(query ?? {});
  if (result.success) return result.data;
  throw validationError(
    result.error.issues.flatMap((issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => ({ path: [key], message: `${key} is not a parameter of this route (only ${allowed})` }))
        : [{ path: issue.path.map(String), message: issue.message }],
    ),
  );
};

export type CoverageQuery = { from?: string; to?: string; format: 'json' | 'csv' };

/** `GET /api/coverage?from=&to=&format=`: dates `YYYY-MM-DD` (from ≤ to), format json (default) or csv. */
export const parseCoverageQuery = (query: unknown): CoverageQuery => {
  const data = parse(coverageQuery, query, 'from, to and format');
  return { from: data.from, to: data.to, format: data.format ?? 'json' };
};

/** `GET /api/coverage/history?months=`: 1..120, default 12. */
export const parseHistoryQuery = (query: unknown): { months: number } => ({ months: parse(historyQuery, query, 'months').months ?? 12 });
