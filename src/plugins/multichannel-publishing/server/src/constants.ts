/** Names shared by every part of the multichannel-publishing plugin. */
import { OUTBOX_DELIVERIES_TABLE, OUTBOX_DELIVERY_UID, OUTBOX_EVENTS_TABLE, OUTBOX_EVENT_UID } from '../../../../common/publishing-outbox';
import { DELIVERY_STATUSES, EVENT_SOURCES, EVENT_TYPES, type DeliveryStatus, type EventSource, type EventType } from '../../contracts';

// Event types, delivery statuses and event sources are part of the admin API: declared in the contracts.
export { DELIVERY_STATUSES, EVENT_SOURCES, EVENT_TYPES, type DeliveryStatus, type EventSource, type EventType };
export const PLUGIN_ID = 'multichannel-publishing' as const;

export const EVENT_UID = OUTBOX_EVENT_UID;
export const DELIVERY_UID = OUTBOX_DELIVERY_UID;
export const STATE_UID = 'plugin::multichannel-publishing.state' as const;
export const PLUGIN_CONTENT_TYPE_UIDS = [EVENT_UID, DELIVERY_UID, STATE_UID] as const;

/** Tables behind the plugin's content types; the outbox queries use them directly through knex. */
// Declared in the kernel (src/common/publishing-outbox.ts): the app's coverage KPIs read them.
export const EVENTS_TABLE = OUTBOX_EVENTS_TABLE;
export const DELIVERIES_TABLE = OUTBOX_DELIVERIES_TABLE;
export const STATE_TABLE = 'multichannel_publishing_state' as const;


/** Statuses after which a delivery no longer holds back later events of the same document on its channel. */
export const TERMINAL_STATUSES: readonly DeliveryStatus[] = ['delivered', 'dead', 'skipped'];
/** Statuses an editor may send back to the queue. */
export const RETRYABLE_STATUSES: readonly DeliveryStatus[] = ['failed', 'dead'];
/** Statuses the dispatcher picks up once `nextAttemptAt` has passed. */
export const DUE_STATUSES: readonly DeliveryStatus[] = ['pending', 'failed'];


/** Keys of rows in the state table. */
export const STATE_KEYS = {
  eventSequence: 'event-sequence',
  channel: (channel: string) => `channel:${channel}`,
  health: (channel: string) => `health:${channel}`,
} as const;

export const ACTIONS = {
  read: 'plugin::multichannel-publishing.read',
  retry: 'plugin::multichannel-publishing.retry',
  broadcast: 'plugin::multichannel-publishing.broadcast',
} as const;

/** Document-service actions that can change which versions of a document are published. */
export const PUBLICATION_ACTIONS = new Set(['publish', 'unpublish', 'delete', 'create', 'update']);
/** Of those, `create`/`update` only publish when called with `status: 'published'`. */
export const PUBLISH_ON_WRITE_ACTIONS = new Set(['create', 'update']);

/** Attributes never copied into a snapshot: creator fields point at admin users, localizations at other rows. */
export const SNAPSHOT_EXCLUDED_ATTRIBUTES = new Set(['createdBy', 'updatedBy', 'localizations']);

/** Topic of the super admins' e-mail when a channel turns failing (notification outbox). */
export const CHANNEL_FAILING_TOPIC = 'publishing.channel-failing' as const;

/** Most deliveries one bulk retry sends back to the queue. */
export const MAX_BULK_RETRY = 500;

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
export const FAILURE_WINDOW_MS = 24 * 60 * 60 * 1000;
/** Longest `lastError` kept: a receiver's error page can be large. */
export const MAX_ERROR_LENGTH = 2000;
