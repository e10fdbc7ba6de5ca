import { z } from 'zod';
import { parseOrThrow } from '../../../../../common/errors';

const bodySchema = z
  .object({
    uid: z.string().min(1).max(200),
    documentId: z.string().min(1).max(64),
    locale: z.string().min(1).max(20),
  })
  .strict();

/** Body of `POST /broadcasts`: which document's Zalo article, in which locale; unknown fields are refused. */
export const parseBroadcastBody = (body: unknown) => parseOrThrow(bodySchema, body ?? {});
