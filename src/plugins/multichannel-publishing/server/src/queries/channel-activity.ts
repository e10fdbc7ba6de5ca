import type { Knex } from 'knex';
import { DELIVERIES_TABLE } from '../constants';

export type ChannelActivity = { lastSuccessAt: unknown; failuresSince: number; pending: number; dead: number };

/** Last successful delivery, attempts that failed since `since`, and backlog of one channel. */
export const channelActivity = async (db: Knex, channel: string, since: Date): Promise<ChannelActivity> => {
  const [success, failures, pending, dead] = await Promise.all([
    db(DELIVERIES_TABLE).where({ channel, status: 'delivered' }).max({ at: 'delivered_at' }).first(),
    db(DELIVERIES_TABLE)
      .where({ channel })
      .whereIn('status', ['failed', 'dead'])
      .where('last_attempt_at', '>=', since)
      .count({ total: '*' })
      .first(),
    db(DELIVERIES_TABLE).where({ channel }).whereIn('status', ['pending', 'in-flight', 'failed']).count({ total: '*' }).first(),
    db(DELIVERIES_TABLE).where({ channel, status: 'dead' }).count({ total: '*' }).first(),
  ]);
  return {
    lastSuccessAt: (success as { at?: unknown } | undefined)?.at ?? null,
    failuresSince: Number((failures as { total?: unknown } | undefined)?.total ?? 0),
    pending: Number((pending as { total?: unknown } | undefined)?.total ?? 0),
    dead: Number((dead as { total?: unknown } | undefined)?.total ?? 0),
  };
};
