import type { Core } from '@strapi/strapi';
import { DELIVERY_UID, type DeliveryStatus } from '../constants';
import type { Delivery } from '../types';

/** A delivery as first written: its identity, channel and queue position; attempts come later. */
export type NewDelivery = Pick<
  Delivery,
  'eventId' | 'eventSequence' | 'uid' | 'documentId' | 'locale' | 'channel' | 'priority' | 'idempotencyKey' | 'lastError'
> & {
  status: Extract<DeliveryStatus, 'pending' | 'skipped'>;
  nextAttemptAt: Date;
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
