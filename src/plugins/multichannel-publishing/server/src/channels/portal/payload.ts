import { expandEntryUrlTemplate } from '../../../../../../common/entry-url';
import type { PublicationEvent } from '../../types';

export type PortalPayload = {
  type: string;
  timestamp: string;
  data: {
    uid: string;
    documentId: string;
    locale: string | null;
    sequence: number;
    url?: string;
    entry: Record<string, unknown> | null;
  };
};

/** The public URL of an entry on the portal from a template such as `https://portal/chinh-sach/{slug}`. */
export const entryUrl = (template: string | null | undefined, event: PublicationEvent): string | undefined =>
  expandEntryUrlTemplate(template, {
    slug: typeof event.snapshot?.slug === 'string' ? event.snapshot.slug : undefined,
    documentId: event.documentId,
    locale: event.locale,
    contentType: event.contentType,
  });

/** The webhook body: `{ type: "<content type>.<event type>", timestamp, data }`. */
export const portalPayload = (event: PublicationEvent, entryUrlTemplate?: string | null): PortalPayload => {
  const url = event.type === 'unpublished' ? undefined : entryUrl(entryUrlTemplate, event);
  return {
    type: `${event.contentType}.${event.type}`,
    timestamp: event.occurredAt.toISOString(),
    data: {
      uid: event.uid,
      documentId: event.documentId,
      locale: event.locale,
      sequence: event.sequence,
      ...(url ? { url } : {}),
      entry: event.snapshot,
    },
  };
};
