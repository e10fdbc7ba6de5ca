import { z } from 'zod';
import { invalidInputError } from '../../../../../common/errors';
import { MAX_BULK_RETRY } from '../constants';

const filterSchema = z
  .object({
    channel: z.string().regex(/^[a-z0-9-]{1,50}$/, 'must be a channel name').optional(),
    status: z.enum(['dead', 'failed']).default('dead'),
    uid: z.string().min(1).max(200).optional(),
    documentId: z.string().min(1).max(64).optional(),
    locale: z.string().min(1).max(20).optional(),
  })
  .strict();

const bodySchema = z.union([
  z
    .object({
      ids: z
        .array(z.number().int().min(1).max(Number.MAX_SAFE_INTEGER), { error: 'must be a list of delivery ids' })
        .min(1, 'must name at least one delivery')
        .max(MAX_BULK_RETRY, `at most ${MAX_BULK_RETRY} deliveries at once`),
    })
    .strict(),
  z.object({ filter: filterSchema }).strict(),
]);

export type BulkRetryRequest = { ids: number[] } | { filter: z.infer<typeof filterSchema> };

/**
 * Body of `POST /deliveries/retry`: `{ ids: [1, 2] }` (at most MAX_BULK_RETRY), or `{ filter: { channel,
 * status (dead by default, or failed), uid, documentId, locale } }` for every matching delivery.
 */
export const parseBulkRetry = (body: unknown): BulkRetryRequest => {
  const result = bodySchema.safeParse(body ?? {});
  if (result.success) return 'ids' in result.data ? { ids: [...new Set(result.data.ids)] } : result.data;
  // A union reports each branch; name the branch the client meant.
  const meant = body && typeof body === 'object' && 'filter' in body && !('ids' in body) ? 'filter' : 'ids';
  const branch = meant === 'filter' ? z.object({ filter: filterSchema }).strict() : bodySchema.options[0];
  const detailed = branch.safeParse(body ?? {});
  const issues = (detailed.success ? result.error.issues : detailed.error.issues).map((issue) => ({
    path: issue.path.map(String),
    message: issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : issue.message,
    name: 'ValidationError' as const,
  }));
  throw invalidInputError(
    `${issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ')} (send { "ids": [...] } or { "filter": { "channel", "status" } })`,
    issues,
  );
};
