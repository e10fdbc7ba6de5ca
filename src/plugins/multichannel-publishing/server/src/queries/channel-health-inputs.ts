import type { Knex } from 'knex';
import { DELIVERIES_TABLE, type DeliveryStatus } from '../constants';
import { toDate } from '../utils/rows';

export type ChannelHealthRows = {
  recent: Array<{ status: DeliveryStatus; lastError: string | null }>;
  waiting: number;
  oldestWaitingAt: Date | null;
  lastSuccessAt: Date | null;
};

/**
 * What a channel's health is computed from: its `limit` most recently attempted deliveries, its queue
 * and last success. A waiting delivery waits since its last change (created, requeued by hand, claimed
 * or failed), so one sent back to the queue today does not count as waiting since it was first created.
 */
export const channelHealthInputs = async (db: Knex, channel: string, limit: number): Promise<ChannelHealthRows> => {
  const [recent, waiting, success] = await Promise.all([
    db(DELIVERIES_TABLE)
      .where({ channel })
      .whereIn('status', ['delivered', 'failed', 'dead'])
      .whereNotNull('last_attempt_at')
      .orderBy([{ column: 'last_attempt_at', order: 'desc' }, { column: 'id', order: 'desc' }])
      .limit(limit)
      .select(['status', 'last_error']),
    db(DELIVERIES_TABLE).where({ channel }).whereIn('status', ['pending', 'in-flight', 'failed']).count({ total: '*' }).min({ oldest: 'updated_at' }).first(),
    db(DELIVERIES_TABLE).where({ channel, status: 'delivered' }).max({ at: 'delivered_at' }).first(),
  ]);
  const queue = waiting as { total?: unknown; oldest?: unknown } | undefined;
  return {
    recent: (recent as Array<{ status: DeliveryStatus; last_error: string | null }>).map((row) => ({ status: row.status, lastError: row.last_error })),
    waiting: Number(queue?.total ?? 0),
    oldestWaitingAt: toDate(queue?.oldest) ?? null,
    lastSuccessAt: toDate((success as { at?: unknown } | undefined)?.at) ?? null,
  };
};
