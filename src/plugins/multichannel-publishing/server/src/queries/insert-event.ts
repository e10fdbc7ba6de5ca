import type { Core } from '@strapi/strapi';
import { EVENT_UID } from '../constants';
import type { PublicationEvent } from '../types';

/** An event before it is stored: the database gives it its id and random key; its type name comes from the uid. */
export type NewEvent = Omit<PublicationEvent, 'id' | 'key' | 'contentType'> & { deleted?: boolean; revision?: number };

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
      deleted: event.deleted ?? false,
      revision: event.revision ?? 0,
      publishedAt: event.occurredAt,
    },
    select: ['id', 'documentId'],
  })) as { id: number; documentId: string };
  return { id: Number(row.id), key: row.documentId };
};
