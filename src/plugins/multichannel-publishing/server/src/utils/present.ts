import type { DeliveryView } from '../../../contracts';
import type { Delivery, PublicationEvent } from '../types';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

const titleOf = (snapshot: Record<string, unknown> | null): string | null => {
  if (!snapshot) return null;
  for (const key of ['title', 'name']) if (typeof snapshot[key] === 'string') return snapshot[key] as string;
  return null;
};

/**
 * A delivery as the admin API returns it: outcome and schedule, with its event (type, document,
 * title) but not the event snapshot, the claim token or the adapter's checkpoint.
 */
export const presentDelivery = (delivery: Delivery, event: PublicationEvent): DeliveryView => ({
  id: delivery.id,
  channel: delivery.channel,
  status: delivery.status,
  attempts: delivery.attempts,
  priority: delivery.priority,
  nextAttemptAt: iso(delivery.status === 'pending' || delivery.status === 'failed' ? delivery.nextAttemptAt : null),
  lastAttemptAt: iso(delivery.lastAttemptAt),
  lastError: delivery.lastError,
  lastStatusCode: delivery.lastStatusCode,
  externalId: delivery.externalId,
  idempotencyKey: delivery.idempotencyKey,
  deliveredAt: iso(delivery.deliveredAt),
  createdAt: iso(delivery.createdAt),
  updatedAt: iso(delivery.updatedAt),
  event: {
    id: event.id,
    sequence: event.sequence,
    type: event.type,
    uid: event.uid,
    contentType: event.contentType,
    documentId: event.documentId,
    locale: event.locale,
    occurredAt: iso(event.occurredAt),
    recordedBy: event.recordedBy,
    title: titleOf(event.snapshot),
  },
});

export type PresentedDelivery = DeliveryView;
