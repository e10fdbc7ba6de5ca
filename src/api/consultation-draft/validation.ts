import { z } from 'zod';
import { parseOrThrow } from '../../common/errors';

const dateTime = z.union([z.string(), z.date()]).nullish();

const windowSchema = z
  .object({ opensAt: dateTime, closesAt: dateTime })
  .refine(
    ({ opensAt, closesAt }) => !opensAt || !closesAt || new Date(closesAt).getTime() > new Date(opensAt).getTime(),
    { message: 'closesAt must be after opensAt', path: ['closesAt'] },
  );

/** Rejects a consultation window whose `closesAt` is not after its `opensAt` (after merging the stored values). */
export const assertConsultationWindow = (window: { opensAt?: unknown; closesAt?: unknown }): void => {
  parseOrThrow(windowSchema, window);
};
