import { z } from 'zod';
import { parseOrThrow } from '../../../../common/errors';
import { MODERATION_STATUSES, REJECTION_REASONS, type ModerationInput } from '../../../../common/feedback';
import { OVERDUE_DEFAULT_PAGE_SIZE, OVERDUE_MAX_PAGE_SIZE } from './constants';

const documentId = z.string().regex(/^[A-Za-z0-9]{1,64}$/, 'must be a documentId');

const pageQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(OVERDUE_MAX_PAGE_SIZE).default(OVERDUE_DEFAULT_PAGE_SIZE),
});

/** `?page=&pageSize=` of the overdue list. */
export const parsePageQuery = (query: unknown) => parseOrThrow(pageQuery, query ?? {});

/** A `:documentId` route parameter. */
export const parseDocumentIdParam = (params: unknown): string => parseOrThrow(z.object({ documentId }), params).documentId;

const transitionBody = z.strictObject({
  moderationStatus: z.enum(MODERATION_STATUSES),
  rejectionReason: z.enum(REJECTION_REASONS).optional(),
  respondingAgency: documentId.optional(),
  response: z.string().max(20_000).optional(),
}) satisfies z.ZodType<ModerationInput>;

/** `POST /public-participation/feedbacks/:documentId/transition` body. */
export const parseTransitionBody = (body: unknown): ModerationInput => parseOrThrow(transitionBody, body);
