import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import type { RateLimitBucket } from './constants';

const positiveInt = z.coerce.number().int().positive();

const limitSchema = z.object({ perMinute: positiveInt, perDay: positiveInt });

const settingsSchema = z.object({
  responseDays: positiveInt.default(15),
  trackingUrlTemplate: z.string().default(''),
  overdueDigestRule: z.string().default('0 7 * * 1-5'),
  rateLimit: z.object({ intake: limitSchema, track: limitSchema }),
  zalo: z.object({
    appId: z.string().default(''),
    secretKey: z.string().default(''),
    toleranceSeconds: positiveInt.default(300),
  }),
});

export type FeedbackSettings = z.infer<typeof settingsSchema>;
export type RateLimitSettings = Record<RateLimitBucket, z.infer<typeof limitSchema>>;

/** The `config/feedback.ts` settings, checked: a typo in an env variable fails loudly at first use. */
export const getFeedbackSettings = (strapi: Core.Strapi): FeedbackSettings => {
  const result = settingsSchema.safeParse(strapi.config.get('feedback'));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`Invalid feedback setting ${issue.path.join('.')}: ${issue.message} (see config/feedback.ts)`);
  }
  return result.data;
};
