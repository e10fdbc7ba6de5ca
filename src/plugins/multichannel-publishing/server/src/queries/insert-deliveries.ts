import type { Core } from '@strapi/strapi';
import { DELIVERY_UID, type DeliveryStatus } from '../constants';

export type NewDelivery = {
  eventId: number;
  eventSequence: number;
  uid: string;
  documentId: string;
  locale: string | null;
  channel: string;
  status: Extract<DeliveryStatus, 'pending' | 'skipped'>;
  priority: number;
  idempotencyKey: string;
  nextAttemptAt: Date;
  lastError: string | null;
};

/** Inserts an event's deliveries in the current transaction. */
export const insertDeliveries = async (strapi: Core.Strapi, deliveries: NewDelivery[]): Promise<void> => {
  if (deliveries.length === 0) return;
  await strapi.db.query(DELIVERY_UID).createMany({
    data: deliveries.map((delivery) => ({
      eventId: delivery.eventId,
      eventSequence: delivery.eventSequence,
      targetUid: delivery.uid,
      targetDocumentId: delivery.documentId,
      targetLocale: delivery.locale,
      channel: delivery.channel,
      status: delivery.status,
      priority: delivery.priority,
      attempts: 0,
      nextAttemptAt: delivery.nextAttemptAt,
      idempotencyKey: delivery.idempotencyKey,
      lastError: delivery.lastError,
      publishedAt: delivery.nextAttemptAt,
    })),
  });
};
