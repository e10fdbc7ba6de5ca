import type { UID } from '@strapi/strapi';
import { z } from 'zod';
import { DEFAULT_REQUIRED_APPROVALS, MAX_REQUIRED_APPROVALS } from '../constants';

const contentTypeEntry = z
  .object({
    uid: z.string().regex(/^(api|plugin)::[\w-]+\.[\w-]+$/, 'must be a content-type uid such as api::policy.policy'),
    requiredApprovals: z.number().int().min(1).max(MAX_REQUIRED_APPROVALS).default(DEFAULT_REQUIRED_APPROVALS),
  })
  .strict();

/** The plugin's configuration, as written in `config/plugins.ts`. */
export const pluginConfigSchema = z
  .object({
    contentTypes: z.array(contentTypeEntry).default([]),
  })
  .strict();

export type PluginConfig = z.infer<typeof pluginConfigSchema>;
export type CoveredContentType = { uid: UID.ContentType; requiredApprovals: number };

/** Throws a readable error when `config/plugins.ts` holds an invalid approval-workflow config. */
export const validatePluginConfig = (config: unknown): PluginConfig => {
  const parsed = pluginConfigSchema.safeParse(config);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(`Invalid approval-workflow config: ${problems.join('; ')}`);
  }
  const uids = parsed.data.contentTypes.map((entry) => entry.uid);
  const duplicate = uids.find((uid, index) => uids.indexOf(uid) !== index);
  if (duplicate) throw new Error(`Invalid approval-workflow config: ${duplicate} is listed twice`);
  return parsed.data;
};

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
    covered: contentTypes.flatMap(({ uid, requiredApprovals }) => (exists(uid) ? [{ uid, requiredApprovals }] : [])),
    unknown: contentTypes.filter((entry) => !exists(entry.uid)).map((entry) => entry.uid),
  };
};
