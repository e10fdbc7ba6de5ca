/**
 * What the plugin's admin API answers and its admin screens read, declared once for the server
 * (which builds these shapes) and the admin panel (which renders them).
 */

export const EVENT_TYPES = ['published', 'updated', 'unpublished'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const DELIVERY_STATUSES = ['pending', 'in-flight', 'delivered', 'failed', 'dead', 'skipped'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Who wrote a publication event: the publishing transaction itself, or the reconciliation sweep. */
export const EVENT_SOURCES = ['transaction', 'sweep'] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];

/**
 * A delivery as `GET /deliveries` and `POST /deliveries/:id/retry` return it: outcome and schedule,
 * with its event (type, document, title) but not the event snapshot, the claim token or the
 * adapter's checkpoint. Dates are ISO strings.
 */
export type DeliveryView = {
  id: number;
  channel: string;
  status: DeliveryStatus;
  attempts: number;
  priority: number;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  /** The last failed attempt's error; on a delivered row, the channel's note (e.g. a bulletin sent without its audio). */
  lastError: string | null;
  lastStatusCode: number | null;
  externalId: string | null;
  idempotencyKey: string;
  deliveredAt: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  event: {
    id: number;
    sequence: number;
    type: EventType;
    uid: string;
    contentType: string;
    documentId: string;
    locale: string | null;
    occurredAt: string | null;
    recordedBy: EventSource;
    title: string | null;
  };
};

/** One channel in `GET /channels`: its switch, what its configuration lacks (names only) and its activity. */
export type ChannelView = {
  name: string;
  label: { vi: string; en: string };
  enabled: boolean;
  configComplete: boolean;
  missing: string[];
  lastSuccessAt: string | null;
  failuresLast24h: number;
  backlog: number;
  dead: number;
};

export type Pagination = { page: number; pageSize: number; pageCount: number; total: number };
