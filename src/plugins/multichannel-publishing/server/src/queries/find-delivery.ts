import type { Knex } from 'knex';
import { DELIVERIES_TABLE, EVENTS_TABLE } from '../constants';

/** One delivery with its event's columns (prefixed `event_`), or undefined. */
export const findDelivery = async (db: Knex, id: number): Promise<Record<string, unknown> | undefined> =>
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
    .where('d.id', id)
    .first()) as Record<string, unknown> | undefined;
