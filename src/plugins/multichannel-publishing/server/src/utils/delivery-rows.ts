import type { Core, UID } from '@strapi/strapi';
import type { DeliveryStatus, EventSource, EventType } from '../constants';
import type { Delivery, PublicationEvent } from '../types';
import { toDate, toJson, toNumber, toOptionalNumber, toOptionalString } from './rows';

type Row = Record<string, unknown>;

/** A delivery from a raw `deliveries` row. */
export const toDelivery = (row: Row): Delivery => ({
  id: toNumber(row.id),
  eventId: toNumber(row.event_id),
  eventSequence: toNumber(row.event_sequence),
  // Written from a typed uid when the event was recorded.
  uid: String(row.target_uid) as UID.ContentType,
  documentId: String(row.target_document_id),
  locale: toOptionalString(row.target_locale),
  channel: String(row.channel),
  status: row.status as DeliveryStatus,
  priority: toNumber(row.priority ?? 0),
  attempts: toNumber(row.attempts ?? 0),
  nextAttemptAt: toDate(row.next_attempt_at),
  firstAttemptAt: toDate(row.first_attempt_at),
  lastAttemptAt: toDate(row.last_attempt_at),
  leaseExpiresAt: toDate(row.lease_expires_at),
  lockToken: toOptionalString(row.lock_token),
  workerId: toOptionalString(row.worker_id),
  lastError: toOptionalString(row.last_error),
  lastStatusCode: toOptionalNumber(row.last_status_code),
  externalId: toOptionalString(row.external_id),
  idempotencyKey: String(row.idempotency_key),
  deliveredAt: toDate(row.delivered_at),
  checkpoint: toJson<Record<string, unknown>>(row.checkpoint),
  createdAt: toDate(row.created_at),
  updatedAt: toDate(row.updated_at),
});

/** The event joined onto a delivery row (columns prefixed `event_`). */
export const toJoinedEvent = (strapi: Core.Strapi, row: Row): PublicationEvent => {
  // Written from a typed uid when the event was recorded.
  const uid = String(row.target_uid) as UID.ContentType;
  const model = strapi.getModel(uid) as { info?: { singularName?: string } } | undefined;
  return {
    id: toNumber(row.event_id),
    key: String(row.event_key),
    sequence: toNumber(row.event_sequence_number),
    type: row.event_type as EventType,
    uid,
    contentType: model?.info?.singularName ?? uid.split('.').pop() ?? uid,
    documentId: String(row.target_document_id),
    locale: toOptionalString(row.target_locale),
    entryId: toNumber(row.event_entry_id),
    occurredAt: toDate(row.event_occurred_at) ?? new Date(0),
    snapshot: toJson<Record<string, unknown>>(row.event_snapshot),
    recordedBy: (row.event_recorded_by as EventSource) ?? 'transaction',
  };
};
