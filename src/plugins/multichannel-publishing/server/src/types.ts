import type { UID } from '@strapi/strapi';
import type { DeliveryStatus, EventSource, EventType } from './constants';

/** A publication event as the dispatcher and the channels see it. */
export type PublicationEvent = {
  id: number;
  /** Random, stable identifier of the event (its Strapi documentId): part of idempotency keys. */
  key: string;
  sequence: number;
  type: EventType;
  uid: UID.ContentType;
  /** The content type's singular name (`policy`, `consultation-draft`…), used in channel event names. */
  contentType: string;
  documentId: string;
  locale: string | null;
  entryId: number;
  occurredAt: Date;
  /** Sanitized published entry (no private fields) with the relations channels need; null for unpublish. */
  snapshot: Record<string, unknown> | null;
  recordedBy: EventSource;
};

export type Delivery = {
  id: number;
  eventId: number;
  eventSequence: number;
  uid: UID.ContentType;
  documentId: string;
  locale: string | null;
  channel: string;
  status: DeliveryStatus;
  priority: number;
  attempts: number;
  nextAttemptAt: Date | null;
  firstAttemptAt: Date | null;
  lastAttemptAt: Date | null;
  leaseExpiresAt: Date | null;
  lockToken: string | null;
  workerId: string | null;
  lastError: string | null;
  lastStatusCode: number | null;
  externalId: string | null;
  idempotencyKey: string;
  deliveredAt: Date | null;
  checkpoint: Record<string, unknown> | null;
  createdAt: Date | null;
  updatedAt: Date | null;
};

/** One published (or unpublished) version of a document, as seen before and after a write. */
export type PublishedVersion = { id: number; locale: string | null };
