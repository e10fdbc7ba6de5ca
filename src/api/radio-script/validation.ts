import { z } from 'zod';
import { parseOrThrow } from '../../common/errors';

const date = z.union([z.string(), z.date()]).nullish();

const broadcastSchema = z
  .object({ broadcastFrom: date, broadcastUntil: date })
  .refine(
    ({ broadcastFrom, broadcastUntil }) =>
      !broadcastFrom || !broadcastUntil || new Date(broadcastUntil).getTime() >= new Date(broadcastFrom).getTime(),
    { message: 'broadcastUntil must not be before broadcastFrom', path: ['broadcastUntil'] },
  );

/** A broadcast period may be a single day but never end before it starts (after merging stored values). */
export const assertBroadcastWindow = (window: { broadcastFrom?: unknown; broadcastUntil?: unknown }): void => {
  parseOrThrow(broadcastSchema, window);
};
