import { z } from 'zod';

const int = () => z.number().int();

const contentTypeSchema = z.object({
  uid: z.string().min(1),
  /** Relations to copy into the snapshot (db-query populate syntax); default: one level of everything. */
  populate: z.record(z.string(), z.unknown()).optional(),
});

export const pluginConfigSchema = z.object({
  /** Content types whose publications are distributed; uids that do not exist (yet) are ignored. */
  contentTypes: z.array(contentTypeSchema).default([]),
  /** Public base URL of this CMS, prefixed to relative media URLs sent to channels. */
  publicUrl: z.string().nullish(),
  dispatcher: z
    .object({
      /** A node with the dispatcher off still records events and deliveries; other nodes send them. */
      enabled: z.boolean().default(true),
      pollIntervalMs: int().min(10).default(5000),
      sweepIntervalMs: int().min(100).default(60_000),
      concurrency: int().min(1).max(50).default(4),
      /** How long a claimed delivery stays in-flight before another node may take it over. */
      leaseMs: int().min(100).default(120_000),
    })
    .prefault({}),
  retry: z
    .object({
      maxAttempts: int().min(1).max(30).default(12),
      baseDelayMs: int().min(1).default(90_000),
      maxRetryAfterMs: int().min(0).default(24 * 60 * 60 * 1000),
    })
    .prefault({}),
  /** When a channel counts as degraded or failing (GET /channels, the Distribution page, super admins' e-mail). */
  health: z
    .object({
      /** This many most recently attempted deliveries all failed → failing. */
      failingAfter: int().min(1).default(5),
      /** How many most recently attempted deliveries are looked at for degraded. */
      recentWindow: int().min(1).max(500).default(20),
      /** Nothing delivered for this long while deliveries wait → failing. */
      stalledAfterMs: int().min(1).default(3 * 60 * 60 * 1000),
      /** How often each node re-checks (besides right after each delivery attempt). */
      checkIntervalMs: int().min(10).default(60_000),
    })
    .prefault({}),
  /** One section per channel, validated by that channel. */
  channels: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
});

export type PluginConfig = z.infer<typeof pluginConfigSchema>;
export type ContentTypeConfig = z.infer<typeof contentTypeSchema>;
