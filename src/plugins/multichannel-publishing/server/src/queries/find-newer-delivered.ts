import type { UID } from '@strapi/strapi';
import type { Knex } from 'knex';
import { DELIVERIES_TABLE } from '../constants';

/**
 * Whether a later event of the same document was already delivered on the channel: replaying an
 * older event then would overwrite newer content (or re-create a removed article).
 */
export const hasNewerDelivered = async (
  db: Knex,
  { channel, uid, documentId, eventSequence }: { channel: string; uid: UID.ContentType; documentId: string; eventSequence: number },
): Promise<boolean> => {
  const row = await db(DELIVERIES_TABLE)
    .where({ channel, target_uid: uid, target_document_id: documentId, status: 'delivered' })
    .where('event_sequence', '>', eventSequence)
    .first('id');
  return Boolean(row);
};
