import type { Knex } from 'knex';
import type { DeliveryStatus } from '../constants';
import type { DocumentScope } from '../utils/document-scope';
import { selectDeliveriesWithEvents } from './deliveries-with-events';

export type DeliveryFilters = {
  documentId?: string;
  uid?: string;
  locale?: string;
  channel?: string;
  status?: DeliveryStatus;
};

/** Keeps only deliveries of documents in `scope` (none when it is empty). */
const applyDocumentScope = (query: Knex.QueryBuilder, scope: DocumentScope) => {
  if (scope.length === 0) return query.whereRaw('1 = 0');
  return query.where((any) => {
    for (const entry of scope) {
      if (entry.all) any.orWhere('d.target_uid', entry.uid);
      else any.orWhere((one) => one.where('d.target_uid', entry.uid).whereIn('d.target_document_id', entry.documentIds));
    }
  });
};

/** Adds the admin filters, and the documents the caller may read, to a query over deliveries aliased `d`. */
export const applyDeliveryFilters = (query: Knex.QueryBuilder, filters: DeliveryFilters, scope: DocumentScope) => {
  applyDocumentScope(query, scope);
  if (filters.documentId) query.where('d.target_document_id', filters.documentId);
  if (filters.uid) query.where('d.target_uid', filters.uid);
  if (filters.locale) query.where('d.target_locale', filters.locale);
  if (filters.channel) query.where('d.channel', filters.channel);
  if (filters.status) query.where('d.status', filters.status);
  return query;
};

/** One page of deliveries within `scope`, newest event first, each with its event (without the snapshot body). */
export const listDeliveries = async (
  db: Knex,
  filters: DeliveryFilters,
  scope: DocumentScope,
  { offset, limit }: { offset: number; limit: number },
): Promise<Array<Record<string, unknown>>> =>
  (await applyDeliveryFilters(
    selectDeliveriesWithEvents(db),
    filters,
    scope,
  )
    .orderBy([
      { column: 'd.event_sequence', order: 'desc' },
      { column: 'd.id', order: 'desc' },
    ])
    .offset(offset)
    .limit(limit)) as Array<Record<string, unknown>>;
