import { z } from 'zod';
import { FEEDBACK_STATUSES, REJECTION_REASONS } from '../../../api/feedback/constants';
import { toValidationError } from '../../../api/feedback/validation';
import { OVERDUE_DEFAULT_PAGE_SIZE, OVERDUE_MAX_PAGE_SIZE } from './constants';

const parse = <T extends z.ZodType>(schema: T, value: unknown): z.output<T> => {
  const result = schema.safeParse(value);
  if (!result.success) throw toValidationError(result.error.issues);
  return result.data;
};

const documentId = z.string().regex(/^[A-Za-z0-9]{1,64}$/, 'must be a documentId');

const pageQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(OVERDUE_MAX_PAGE_SIZE).default(OVERDUE_DEFAULT_PAGE_SIZE),
});

/** `?page=&pageSize=` of the overdue list. */
export const parsePageQuery = (query: unknown) => parse(pageQuery, query ?? {});

/** A `:documentId` route parameter. */
export const parseDocumentIdParam = (params: unknown): string => parse(z.object({ documentId }), params).documentId;

const transitionBody = z.strictObject({
  status: z.enum(FEEDBACK_STATUSES),
  rejectionReason: z.enum(REJECTION_REASONS).optional(),
  respondingAgency: documentId.optional(),
  response: z.string().max(20_000).optional(),
});

export type TransitionInput = z.output<typeof transitionBody>;

/** `POST /public-participation/feedbacks/:documentId/transition` body. */
export const parseTransitionBody = (body: unknown): TransitionInput => parse(transitionBody, body);
