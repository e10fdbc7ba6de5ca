import type { Knex } from 'knex';
import { DELIVERIES_TABLE } from '../constants';

/**
 * On one channel: how many deliveries were delivered in [since, until), and how many are still
 * queued (pending, in flight or failed and due again), leaving out `excludeId`.
 */
export const countChannelSends = async (
  db: Knex,
  { channel, since, until, excludeId }: { channel: string; since: Date; until: Date; excludeId?: number },
): Promise<{ delivered: number; queued: number }> => {
  const base = () => {
    const query = db(DELIVERIES_TABLE).where({ channel });
    if (excludeId !== undefined) query.whereNot('id', excludeId);
    return query;
  };
  const [delivered] = (await base().where('status', 'delivered').where('delivered_at', '>=', since).where('delivered_at', '<', until).count({ n: '*' })) as Array<{
    n: unknown;
  }>;
  const [queued] = (await base().whereIn('status', ['pending', 'in-flight', 'failed']).count({ n: '*' })) as Array<{ n: unknown }>;
  return { delivered: Number(delivered?.n ?? 0), queued: Number(queued?.n ?? 0) };
};
