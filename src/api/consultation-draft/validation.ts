import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { fieldError, parseOrThrow } from '../../common/errors';

const dateTime = z.union([z.string(), z.date()]).nullish();
const DAY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_CONSULTATION_MIN_DAYS = 20;

const windowSchema = z
  .object({ opensAt: dateTime, closesAt: dateTime })
  .refine(
    ({ opensAt, closesAt }) => !opensAt || !closesAt || new Date(closesAt).getTime() > new Date(opensAt).getTime(),
    { message: 'closesAt must be after opensAt', path: ['closesAt'] },
  );

/**
 * The shortest consultation window, in calendar days (`config/consultation.ts`,
 * `CONSULTATION_MIN_DAYS`); 0 turns the rule off. A value that is not a whole number ≥ 0 fails loudly.
 */
export const consultationMinDays = (strapi: Core.Strapi): number => {
  const value = strapi.config.get('consultation.minDays', DEFAULT_CONSULTATION_MIN_DAYS);
  const days = Number(value);
  if (!Number.isInteger(days) || days < 0) throw new Error(`Invalid setting CONSULTATION_MIN_DAYS: ${String(value)} (a whole number of days, 0 to turn the rule off)`);
  return days;
};

/**
 * Rejects a consultation window whose `closesAt` is not after its `opensAt`, or that is shorter
 * than `minDays` calendar days (after merging the stored values); both 400 naming `closesAt`.
 */
export const assertConsultationWindow = (window: { opensAt?: unknown; closesAt?: unknown }, minDays = 0): void => {
  const { opensAt, closesAt } = parseOrThrow(windowSchema, window);
  if (minDays <= 0 || !opensAt || !closesAt) return;
  const length = new Date(closesAt).getTime() - new Date(opensAt).getTime();
  if (length < minDays * DAY_MS) {
    throw fieldError('closesAt', `closesAt must be at least ${minDays} days after opensAt: a consultation stays open at least ${minDays} calendar days`, {
      minDays,
    });
  }
};

const outcomeParams = z.object({ documentId: z.string().regex(/^[A-Za-z0-9]{1,64}$/, 'must be a documentId') });

/** The `:documentId` of `GET /api/consultation-drafts/:documentId/outcome` (400 naming it otherwise). */
export const parseOutcomeParams = (params: unknown): string => parseOrThrow(outcomeParams, params).documentId;
