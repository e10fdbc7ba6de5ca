import type { UID } from '@strapi/strapi';
import type { Knex } from 'knex';
import { DELIVERIES_TABLE, EVENTS_TABLE, TERMINAL_STATUSES } from '../constants';
import type { NewerEvent } from './find-newer-event';

/**
 * The latest event of the same document and locale, recorded after `sequence`, that the channel is
 * already done with: its delivery there finished (delivered, skipped, dead) or it has none. Sending
 * the older event now would undo it and nothing would come after to set it right. A newer event
 * still waiting on the channel does not count: it is sent after this one (deliveries keep order).
 */
export const findSupersedingEvent = async (
  db: Knex,
  { channel, uid, documentId, locale, sequence }: { channel: string; uid: UID.ContentType; documentId: string; locale: string | null; sequence: number },
): Promise<NewerEvent | null> => {
  const row = (await db(`${EVENTS_TABLE} as e`)
    .where({ 'e.target_uid': uid, 'e.target_document_id': documentId })
    .whereRaw("coalesce(e.target_locale, '') = ?", [locale ?? ''])
    .where('e.sequence', '>', sequence)
    .whereNotExists(function unfinishedHere() {
      this.select(db.raw('1'))
        .from(`${DELIVERIES_TABLE} as d`)
        .whereRaw('d.event_id = e.id')
        .where('d.channel', channel)
        .whereNotIn('d.status', [...TERMINAL_STATUSES]);
    })
    .orderBy('e.sequence', 'desc')
    .first(['e.sequence', 'e.type'])) as { sequence: unknown; type: NewerEvent['type'] } | undefined;
  return row ? { sequence: Number(row.sequence), type: row.type } : null;
};
