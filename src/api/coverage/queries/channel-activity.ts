import type { Core } from '@strapi/strapi';
import { OUTBOX_DELIVERIES_TABLE } from '../../../common/publishing-outbox';
import { epochMs, num, rowsOf } from './sql';
import type { Period } from './feedback-coverage';

export type ChannelActivityRow = { channel: string; delivered: number; failed: number; dead: number };

/**
 * Per channel, deliveries whose outcome fell in the period, by their current status: `delivered`
 * (delivered then), `failed` (last attempt then, a retry still due) and `dead` (given up then).
 * A delivery that failed and later succeeded counts once, as delivered.
 */
export const channelActivity = async (strapi: Core.Strapi, period: Period): Promise<ChannelActivityRow[]> => {
  const db = strapi.db.connection;
  const delivered = epochMs(db, 'delivered_at');
  const attempted = epochMs(db, 'last_attempt_at');
  const within = (column: string) => `${column} >= ${Math.floor(period.fromMs)} and ${column} < ${Math.floor(period.toMs)}`;
  const result = await db.raw(`
    select channel,
      sum(case when status = 'delivered' and ${within(delivered)} then 1 else 0 end) as delivered,
      sum(case when status = 'failed' and ${within(attempted)} then 1 else 0 end) as failed,
      sum(case when status = 'dead' and ${within(attempted)} then 1 else 0 end) as dead
    from ${OUTBOX_DELIVERIES_TABLE}
    where status in ('delivered', 'failed', 'dead')
    group by channel`);
  return rowsOf<Record<string, unknown>>(result).map((row) => ({
    channel: String(row.channel),
    delivered: num(row.delivered),
    failed: num(row.failed),
    dead: num(row.dead),
  }));
};
