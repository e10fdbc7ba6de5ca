import type { Knex } from 'knex';
import { DELIVERIES_TABLE, EVENTS_TABLE } from '../constants';

/** The deliveries this worker just claimed, each with its event's columns (prefixed `event_`). */
export const findClaimedDeliveries = async (db: Knex, lockToken: string): Promise<Array<Record<string, unknown>>> =>
  (await db
    .select([
      'd.*',
      'e.document_id as event_key',
      'e.sequence as event_sequence_number',
      'e.type as event_type',
      'e.entry_id as event_entry_id',
      'e.occurred_at as event_occurred_at',
      'e.snapshot as event_snapshot',
      'e.recorded_by as event_recorded_by',
    ])
    .from(`${DELIVERIES_TABLE} as d`)
    .join(`${EVENTS_TABLE} as e`, 'e.id', 'd.event_id')
    .where('d.lock_token', lockToken)
    .where('d.status', 'in-flight')
    .orderBy([
      { column: 'd.priority', order: 'desc' },
      { column: 'd.event_sequence', order: 'asc' },
    ])) as Array<Record<string, unknown>>;
