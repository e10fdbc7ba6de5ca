import { z } from 'zod';
import { NOTIFICATION_STATUSES } from '../../../../common/notifications';
import { parseOrThrow } from '../../../../common/errors';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './constants';
import type { MessageFilters } from './services/outbox';
import type { Preferences } from './services/preferences';

const listQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  status: z.enum(NOTIFICATION_STATUSES).optional(),
  topic: z.string().min(1).max(64).optional(),
  subjectDocumentId: z.string().min(1).max(64).optional(),
});

/** `GET /notifications/messages?page=&pageSize=&status=&topic=&subjectDocumentId=`. */
export const parseListQuery = (query: unknown): { filters: MessageFilters; page: number; pageSize: number } => {
  const { page, pageSize, ...filters } = parseOrThrow(listQuery, query ?? {});
  return { page, pageSize, filters };
};

/** Body of `PUT /notifications/preferences`: `{ data: { reviewRequests?, reviewOutcomes?, overdueDigest? } }` (at least one). */
const preferencesBody = z.strictObject({
  data: z
    .strictObject({
      reviewRequests: z.boolean().optional(),
      reviewOutcomes: z.boolean().optional(),
      overdueDigest: z.boolean().optional(),
    })
    .refine((value) => Object.keys(value).length > 0, { message: 'give reviewRequests, reviewOutcomes and/or overdueDigest (true or false)' }),
});

export const parsePreferencesBody = (body: unknown): Partial<Preferences> => parseOrThrow(preferencesBody, body ?? {}).data;
