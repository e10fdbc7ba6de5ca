import { invalidInputError } from '../../../../../common/errors';
import { z } from 'zod';
import { DEFAULT_PAGE_SIZE, DELIVERY_STATUSES, MAX_PAGE_SIZE } from '../constants';

const positiveInt = (max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a positive integer')
    .transform(Number)
    .pipe(z.number().int().min(1).max(max));

const listQuerySchema = z
  .object({
    documentId: z.string().min(1).max(64).optional(),
    uid: z.string().min(1).max(200).optional(),
    locale: z.string().min(1).max(20).optional(),
    channel: z.string().regex(/^[a-z0-9-]{1,50}$/, 'must be a channel name').optional(),
    status: z.enum(DELIVERY_STATUSES).optional(),
    page: positiveInt(1_000_000).optional(),
    pageSize: positiveInt(MAX_PAGE_SIZE).optional(),
  })
  .strict();

const idSchema = z.object({ id: positiveInt(Number.MAX_SAFE_INTEGER) }).strict();

const fail = (error: z.ZodError): never => {
  const details = error.issues.map((issue) => ({
    path: issue.path.map(String),
    message: issue.code === 'unrecognized_keys' ? `unknown parameter(s): ${issue.keys.join(', ')}` : issue.message,
    name: 'ValidationError' as const,
  }));
  throw invalidInputError(details.map((detail) => `${detail.path.join('.') || 'query'}: ${detail.message}`).join('; '), details);
};

/** Query of `GET /deliveries`: filters and page; unknown parameters are refused. */
export const parseListQuery = (query: unknown) => {
  const result = listQuerySchema.safeParse(query ?? {});
  if (!result.success) return fail(result.error);
  const { page = 1, pageSize = DEFAULT_PAGE_SIZE, ...filters } = result.data;
  return { filters, page, pageSize };
};

/** `:id` of a delivery route. */
export const parseDeliveryId = (params: unknown): number => {
  const result = idSchema.safeParse(params ?? {});
  if (!result.success) return fail(result.error);
  return result.data.id;
};
