import type { UID } from '@strapi/strapi';
import { z } from 'zod';
import { APPROVAL_STEPS, DEFAULT_STEPS, MAX_STEPS, type StepKey } from '../constants';

const REPLACED_KEY_MESSAGE =
  "requiredApprovals was replaced by steps, which say whose approval counts: write e.g. steps: ['reviewer', 'leader'] " +
  `(known steps: ${APPROVAL_STEPS.join(', ')})`;

const step = z.string().refine((value): value is StepKey => (APPROVAL_STEPS as readonly string[]).includes(value), {
  message: `unknown step; known steps: ${APPROVAL_STEPS.join(', ')}`,
});

const contentTypeEntry = z
  .object({
    uid: z.string().regex(/^(api|plugin)::[\w-]+\.[\w-]+$/, 'must be a content-type uid such as api::policy.policy'),
    steps: z
      .array(step)
      .min(1, 'needs at least one step')
      .max(MAX_STEPS, `at most ${MAX_STEPS} steps`)
      .default([...DEFAULT_STEPS]),
    // Refused rather than mapped: a count cannot say whose approval counts, and guessing the roles
    // would silently change what an approval means.
    requiredApprovals: z.unknown().optional(),
  })
  .strict()
  .superRefine((entry, ctx) => {
    if (entry.requiredApprovals !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['requiredApprovals'], message: REPLACED_KEY_MESSAGE });
    }
  })
  .transform(({ uid, steps }) => ({ uid, steps: steps as StepKey[] }));

/** The plugin's configuration, as written in `config/plugins.ts`. */
export const pluginConfigSchema = z
  .object({
    contentTypes: z.array(contentTypeEntry).default([]),
  })
  .strict();

export type PluginConfig = z.infer<typeof pluginConfigSchema>;
export type CoveredContentType = { uid: UID.ContentType; steps: StepKey[] };

/** Throws a readable error when `config/plugins.ts` holds an invalid approval-workflow config. */
export const validatePluginConfig = (config: unknown): PluginConfig => {
  const parsed = pluginConfigSchema.safeParse(config);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const received = issue.path.at(-2) === 'steps' ? ` (got ${JSON.stringify(pathValue(config, issue.path))})` : '';
      return `${issue.path.join('.') || '(root)'}: ${issue.message}${received}`;
    });
    throw new Error(`Invalid approval-workflow config: ${problems.join('; ')}`);
  }
  const uids = parsed.data.contentTypes.map((entry) => entry.uid);
  const duplicate = uids.find((uid, index) => uids.indexOf(uid) !== index);
  if (duplicate) throw new Error(`Invalid approval-workflow config: ${duplicate} is listed twice`);
  return parsed.data;
};

const pathValue = (root: unknown, path: ReadonlyArray<PropertyKey>): unknown =>
  path.reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined), root);

/**
 * The covered content types that exist in this app, and the configured ones that do not (yet):
 * a uid listed before its content type lands (e.g. radio scripts) is reported, not fatal.
 */
export const resolveCoveredContentTypes = (
  config: unknown,
  exists: (uid: string) => uid is UID.ContentType,
): { covered: CoveredContentType[]; unknown: string[] } => {
  const { contentTypes } = validatePluginConfig(config ?? {});
  return {
    covered: contentTypes.flatMap(({ uid, steps }) => (exists(uid) ? [{ uid, steps }] : [])),
    unknown: contentTypes.filter((entry) => !exists(entry.uid)).map((entry) => entry.uid),
  };
};
