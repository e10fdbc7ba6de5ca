import { z } from 'zod';
import { parseOrThrow } from '../../../../common/errors';
import {
  BULK_DISPOSITION_MAX,
  DISPOSITIONS,
  MODERATION_STATUSES,
  REJECTION_REASONS,
  type BulkDispositionInput,
  type DispositionInput,
  type ModerationInput,
} from '../../../../common/feedback';
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

/** An optional text of a disposition: `null` or absent both mean none. */
const optionalText = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((value) => value ?? undefined);

const dispositionFields = {
  disposition: z.enum(DISPOSITIONS),
  explanation: optionalText(20_000),
  provision: optionalText(255),
};

const dispositionBody = z.strictObject(dispositionFields) satisfies z.ZodType<DispositionInput>;

/** `PUT /public-participation/feedbacks/:documentId/disposition` body. */
export const parseDispositionBody = (body: unknown): DispositionInput => parseOrThrow(dispositionBody, body ?? {});

const bulkDispositionBody = z.strictObject({
  ...dispositionFields,
  feedbackDocumentIds: z
    .array(documentId)
    .min(1, 'must list at least one feedback')
    .max(BULK_DISPOSITION_MAX, `must list at most ${BULK_DISPOSITION_MAX} feedback per request`),
}) satisfies z.ZodType<BulkDispositionInput>;

/** `PUT /public-participation/consultation-drafts/:documentId/dispositions` body. */
export const parseBulkDispositionBody = (body: unknown): BulkDispositionInput => parseOrThrow(bulkDispositionBody, body ?? {});
