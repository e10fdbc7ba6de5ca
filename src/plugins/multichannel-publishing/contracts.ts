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
  /** How the channel is doing (see {@link ChannelHealthView}). */
  health: ChannelHealthState;
  healthReason: ChannelHealthReason | null;
  /** The reason in words, for the admin panel and the super admins' e-mail. */
  healthText: { vi: string; en: string } | null;
  /** Since when the channel is in this state, as last recorded by the health check (null before its first check). */
  healthSince: string | null;
};

/**
 * `ok`; `degraded`: some of the recent deliveries failed but the channel still delivers; `failing`: the
 * last N attempted deliveries all failed, or nothing was delivered for a configured time while deliveries
 * wait; `unconfigured`: settings are missing (`missing` names them).
 */
export const CHANNEL_HEALTH_STATES = ['ok', 'degraded', 'failing', 'unconfigured'] as const;
export type ChannelHealthState = (typeof CHANNEL_HEALTH_STATES)[number];

export type ChannelHealthReason =
  | { kind: 'unconfigured'; missing: string[] }
  /** `consecutive` newest attempted deliveries failed; `failed` of the `of` newest; the most common error among them. */
  | { kind: 'failures'; consecutive: number; failed: number; of: number; commonError: string | null; commonErrorCount: number }
  /** Nothing delivered for `minutes` while `waiting` deliveries wait (the oldest since `waitingSince`). */
  | { kind: 'stalled'; waiting: number; waitingSince: string; minutes: number };

/** The health of one channel, as the health check records it. */
export type ChannelHealthView = { state: ChannelHealthState; reason: ChannelHealthReason | null; text: { vi: string; en: string } | null };

export type Pagination = { page: number; pageSize: number; pageCount: number; total: number };

/**
 * `GET /broadcasts/budget`: this month's Zalo broadcasts (Asia/Ho_Chi_Minh) against
 * ZALO_BROADCAST_MONTHLY_LIMIT; `nextPossibleAt` (ISO) is set when the budget is spent.
 */
export type BroadcastBudgetView = {
  month: string;
  limit: number;
  delivered: number;
  queued: number;
  used: number;
  remaining: number;
  nextPossibleAt: string | null;
  window: string;
  timeZone: string;
};
