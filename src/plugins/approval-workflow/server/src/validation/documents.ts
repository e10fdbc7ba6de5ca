import { invalidInputError } from '../../../../../common/errors';
import { z } from 'zod';
import { STAGES, USER_ACTIONS } from '../constants';

const uid = z.string().regex(/^(api|plugin)::[\w-]+\.[\w-]+$/, 'must be a content-type uid such as api::policy.policy');
const documentId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a documentId');
const locale = z.string().regex(/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/, 'must be a locale code such as vi or en');
const comment = z.string().trim().max(5000, 'must be at most 5000 characters');

// Not strict: the router adds positional captures next to the named ones.
export const documentParamsSchema = z.object({ uid, documentId });
export const documentQuerySchema = z.object({ locale: locale.optional() }).strict();

/** Body of `POST .../transitions`; a reason is required where the record must say why. */
export const transitionBodySchema = z
  .object({
    action: z.enum(USER_ACTIONS),
    comment: comment.optional(),
    locale: locale.optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if ((body.action === 'request-changes' || body.action === 'force-approve') && !body.comment) {
      ctx.addIssue({
        code: 'custom',
        path: ['comment'],
        message: body.action === 'force-approve' ? 'a written reason is required to force-approve' : 'a comment is required to request changes',
      });
    }
  });

export const inboxQuerySchema = z
  .object({
    contentType: uid.optional(),
    stage: z.enum(STAGES).optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();

/** Parses `input` or throws a 400 listing every problem by path. */
export const parseOrThrow = <T>(schema: z.ZodType<T>, input: unknown): T => {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => ({
    path: issue.path.map(String),
    message: issue.message,
    name: 'ValidationError' as const,
  }));
  const summary = problems.map((problem) => `${problem.path.join('.') || 'body'}: ${problem.message}`).join('; ');
  throw invalidInputError(summary, problems);
};
