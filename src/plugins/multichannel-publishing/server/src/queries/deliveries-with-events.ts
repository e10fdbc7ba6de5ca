import type { Knex } from 'knex';
import { DELIVERIES_TABLE, EVENTS_TABLE } from '../constants';

/**
 * The base of every read of deliveries: each delivery row (`d.*`) with its event's columns,
 * prefixed `event_` (what `utils/delivery-rows` turns back into a delivery and its event).
 */
export const selectDeliveriesWithEvents = (db: Knex) =>
  db
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
    .join(`${EVENTS_TABLE} as e`, 'e.id', 'd.event_id');
