import type { Knex } from 'knex';
import { DELIVERIES_TABLE, type DeliveryStatus } from '../constants';

/** The delivery of one event on one channel (status and external id), or null when it has none there. */
export const findEventDelivery = async (
  db: Knex,
  { eventId, channel }: { eventId: number; channel: string },
): Promise<{ id: number; status: DeliveryStatus; externalId: string | null } | null> => {
  const row = (await db(DELIVERIES_TABLE).where({ event_id: eventId, channel }).orderBy('id', 'desc').first(['id', 'status', 'external_id'])) as
    | { id: unknown; status: DeliveryStatus; external_id: string | null }
    | undefined;
  return row ? { id: Number(row.id), status: row.status, externalId: row.external_id ?? null } : null;
};
