import type { UID } from '@strapi/strapi';
import type { Knex } from 'knex';
import { DELIVERIES_TABLE, type DeliveryStatus } from '../constants';
import { toJson } from '../utils/rows';

/** The delivery of a document's latest event on one channel (status, attempts so far, saved progress), or null. */
export const findLatestDelivery = async (
  db: Knex,
  { channel, uid, documentId, locale }: { channel: string; uid: UID.ContentType; documentId: string; locale: string | null },
): Promise<{ status: DeliveryStatus; attempts: number; checkpoint: Record<string, unknown> | null } | null> => {
  const row = (await db(DELIVERIES_TABLE)
    .where({ channel, target_uid: uid, target_document_id: documentId })
    .whereRaw("coalesce(target_locale, '') = ?", [locale ?? ''])
    .orderBy([
      { column: 'event_sequence', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .first(['status', 'attempts', 'checkpoint'])) as { status: DeliveryStatus; attempts: unknown; checkpoint: unknown } | undefined;
  return row ? { status: row.status, attempts: Number(row.attempts), checkpoint: toJson<Record<string, unknown>>(row.checkpoint) } : null;
};
