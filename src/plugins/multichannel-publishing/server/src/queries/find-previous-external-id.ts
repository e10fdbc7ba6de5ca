import type { UID } from '@strapi/strapi';
import type { Knex } from 'knex';
import { DELIVERIES_TABLE, EVENTS_TABLE } from '../constants';

/**
 * What the channel calls this document now: the external id of its latest delivered event on the
 * channel, or null when there is none or when that event removed it (an unpublish).
 */
export const findPreviousExternalId = async (
  db: Knex,
  { channel, uid, documentId, locale, beforeSequence }: { channel: string; uid: UID.ContentType; documentId: string; locale: string | null; beforeSequence: number },
): Promise<string | null> => {
  const row = (await db
    .select(['d.external_id', 'e.type'])
    .from(`${DELIVERIES_TABLE} as d`)
    .join(`${EVENTS_TABLE} as e`, 'e.id', 'd.event_id')
    .where({ 'd.channel': channel, 'd.target_uid': uid, 'd.target_document_id': documentId, 'd.status': 'delivered' })
    .whereRaw("coalesce(d.target_locale, '') = ?", [locale ?? ''])
    .where('d.event_sequence', '<', beforeSequence)
    .orderBy('d.event_sequence', 'desc')
    .first()) as { external_id: string | null; type: string } | undefined;
  if (!row || row.type === 'unpublished') return null;
  return row.external_id ?? null;
};
