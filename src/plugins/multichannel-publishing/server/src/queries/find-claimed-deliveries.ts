import type { Knex } from 'knex';
import { selectDeliveriesWithEvents } from './deliveries-with-events';

/** The deliveries this worker just claimed, each with its event's columns (prefixed `event_`). */
export const findClaimedDeliveries = async (db: Knex, lockToken: string): Promise<Array<Record<string, unknown>>> =>
  (await selectDeliveriesWithEvents(db)
    .where('d.lock_token', lockToken)
    .where('d.status', 'in-flight')
    .orderBy([
      { column: 'd.priority', order: 'desc' },
      { column: 'd.event_sequence', order: 'asc' },
    ])) as Array<Record<string, unknown>>;
