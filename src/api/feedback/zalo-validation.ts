import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { getFeedbackSettings } from './settings';
import { isFreshTimestamp, isValidZaloSignature } from './zalo-signature';

const timestamp = z.union([z.string(), z.number()]).transform(String);

/** The parts of a Zalo OA event this app reads; Zalo sends more, which is ignored. */
export const eventSchema = z.looseObject({
  app_id: z.union([z.string(), z.number()]).transform(String),
  event_name: z.string(),
  timestamp,
  sender: z.looseObject({ id: z.union([z.string(), z.number()]).transform(String) }).optional(),
  recipient: z.looseObject({ id: z.union([z.string(), z.number()]).transform(String) }).optional(),
  message: z.looseObject({ text: z.string().optional(), msg_id: z.string().optional() }).optional(),
});

export type ZaloEvent = z.output<typeof eventSchema>;

const refuse = (message: string): never => {
  throw new errors.UnauthorizedError(message);
};

/**
 * Authenticates a webhook request: configured app, matching app id, valid signature over the raw
 * body, fresh timestamp (a replayed old event is refused). Any failure is a 401, nothing stored.
 */
export const parseSignedZaloEvent = (
  strapi: Core.Strapi,
  { rawBody, body, signature }: { rawBody: unknown; body: unknown; signature: string | undefined },
  now: Date = new Date(),
): ZaloEvent => {
  const { appId, secretKey, toleranceSeconds } = getFeedbackSettings(strapi).zalo;
  if (!appId || !secretKey) {
    strapi.log.warn('[zalo] webhook called but ZALO_OA_APP_ID / ZALO_OA_SECRET_KEY are not set');
    return refuse('Invalid signature');
  }
  const event = eventSchema.safeParse(body);
  if (!event.success || typeof rawBody !== 'string') return refuse('Invalid signature');
  if (event.data.app_id !== appId) return refuse('Invalid signature');
  if (!isValidZaloSignature({ appId, secretKey, rawBody, timestamp: event.data.timestamp, header: signature })) {
    return refuse('Invalid signature');
  }
  if (!isFreshTimestamp(event.data.timestamp, toleranceSeconds, now)) return refuse('Stale event timestamp');
  return event.data;
};
