import type { Knex } from 'knex';
import type { DeliveryStatus } from '../constants';
import { selectDeliveriesWithEvents } from './deliveries-with-events';

export type DeliveryFilters = {
  documentId?: string;
  uid?: string;
  locale?: string;
  channel?: string;
  status?: DeliveryStatus;
};

/** Adds the admin filters to a query over deliveries aliased `d`. */
export const applyDeliveryFilters = (query: Knex.QueryBuilder, filters: DeliveryFilters) => {
  if (filters.documentId) query.where('d.target_document_id', filters.documentId);
  if (filters.uid) query.where('d.target_uid', filters.uid);
  if (filters.locale) query.where('d.target_locale', filters.locale);
  if (filters.channel) query.where('d.channel', filters.channel);
  if (filters.status) query.where('d.status', filters.status);
  return query;
};

/** One page of deliveries, newest event first, each with its event (without the snapshot body). */
export const listDeliveries = async (
  db: Knex,
  filters: DeliveryFilters,
  { offset, limit }: { offset: number; limit: number },
): Promise<Array<Record<string, unknown>>> =>
  (await applyDeliveryFilters(
    selectDeliveriesWithEvents(db),
    filters,
  )
    .orderBy([
      { column: 'd.event_sequence', order: 'desc' },
      { column: 'd.id', order: 'desc' },
    ])
    .offset(offset)
    .limit(limit)) as Array<Record<string, unknown>>;
