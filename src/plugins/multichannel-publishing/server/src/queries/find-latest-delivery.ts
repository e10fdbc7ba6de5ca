import type { UID } from '@strapi/strapi';
import type { Knex } from 'knex';
import { DELIVERIES_TABLE, type DeliveryStatus } from '../constants';
import { isPostgres } from '../utils/db';
import { toJson } from '../utils/rows';

/**
 * The delivery of a document's latest event on one channel (status, attempts so far, saved progress),
 * or null. With `lock` (inside a transaction), PostgreSQL holds its row until commit: an attempt's
 * next checkpoint, and a claim, wait for what the transaction decides.
 */
export const findLatestDelivery = async (
  db: Knex,
  { channel, uid, documentId, locale, lock = false }: { channel: string; uid: UID.ContentType; documentId: string; locale: string | null; lock?: boolean },
): Promise<{ status: DeliveryStatus; attempts: number; checkpoint: Record<string, unknown> | null } | null> => {
  const query = db(DELIVERIES_TABLE)
    .where({ channel, target_uid: uid, target_document_id: documentId })
    .whereRaw("coalesce(target_locale, '') = ?", [locale ?? ''])
    .orderBy([
      { column: 'event_sequence', order: 'desc' },
      { column: 'id', order: 'desc' },
    ]);
  if (lock && isPostgres(db)) void query.forUpdate();
  const row = (await query.first(['status', 'attempts', 'checkpoint'])) as { status: DeliveryStatus; attempts: unknown; checkpoint: unknown } | undefined;
  return row ? { status: row.status, attempts: Number(row.attempts), checkpoint: toJson<Record<string, unknown>>(row.checkpoint) } : null;
};
