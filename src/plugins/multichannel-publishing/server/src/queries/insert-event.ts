import type { Core } from '@strapi/strapi';
import { EVENT_UID, type EventSource, type EventType } from '../constants';

export type NewEvent = {
  sequence: number;
  type: EventType;
  uid: string;
  documentId: string;
  locale: string | null;
  entryId: number;
  occurredAt: Date;
  snapshot: Record<string, unknown> | null;
  recordedBy: EventSource;
};

/** Inserts a publication event in the current transaction; returns its id and random key. */
export const insertEvent = async (strapi: Core.Strapi, event: NewEvent): Promise<{ id: number; key: string }> => {
  const row = (await strapi.db.query(EVENT_UID).create({
    data: {
      sequence: event.sequence,
      type: event.type,
      targetUid: event.uid,
      targetDocumentId: event.documentId,
      targetLocale: event.locale,
      entryId: event.entryId,
      occurredAt: event.occurredAt,
      snapshot: event.snapshot,
      recordedBy: event.recordedBy,
      publishedAt: event.occurredAt,
    },
    select: ['id', 'documentId'],
  })) as { id: number; documentId: string };
  return { id: Number(row.id), key: row.documentId };
};
