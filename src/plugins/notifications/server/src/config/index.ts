import { z } from 'zod';

const positiveInt = z.coerce.number().int().positive();

export const configSchema = z.object({
  worker: z
    .object({
      enabled: z.boolean().default(true),
      pollIntervalMs: positiveInt.default(5000),
      concurrency: positiveInt.default(4),
      leaseMs: positiveInt.default(60_000),
    })
    .prefault({}),
  retry: z
    .object({
      maxAttempts: positiveInt.default(10),
      baseDelayMs: positiveInt.default(60_000),
    })
    .prefault({}),
});

export type NotificationsConfig = z.infer<typeof configSchema>;

export default {
  default: {},
  validator(config: unknown) {
    const result = configSchema.safeParse(config);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new Error(`Invalid notifications setting ${issue.path.join('.')}: ${issue.message} (see config/plugins.ts)`);
    }
  },
};
