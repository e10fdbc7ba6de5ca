import type { Core, UID } from '@strapi/strapi';
import type { PublicationEvent, PublishedVersion } from '../types';

/**
 * What a channel tells the dispatcher about a failure: `retryable` failures are tried again with
 * backoff (honouring `retryAfterMs`), the others make the delivery `dead` at once.
 */
export class ChannelError extends Error {
  readonly retryable: boolean;
  readonly statusCode?: number;
  readonly retryAfterMs?: number;

  constructor(message: string, options: { retryable: boolean; statusCode?: number; retryAfterMs?: number }) {
    super(message);
    this.name = 'ChannelError';
    this.retryable = options.retryable;
    this.statusCode = options.statusCode;
    this.retryAfterMs = options.retryAfterMs;
  }
}

export const isChannelError = (error: unknown): error is ChannelError => error instanceof ChannelError;

/** How a channel reports its configuration (never its secrets) to the dispatcher and the admin. */
export type ChannelDescription = {
  /** The operator turned the channel on (some of its settings are present). */
  enabled: boolean;
  /** Everything the channel needs is present and well-formed: only then are deliveries created. */
  configComplete: boolean;
  /** Names of missing or malformed settings (environment variable names), never their values. */
  problems: string[];
};

/** Small durable state a channel may keep (e.g. rotated tokens), shared by every node. */
export type ChannelStateStore = {
  /** Reads the channel's state; `secret` is decrypted. */
  read(): Promise<{ value: Record<string, unknown>; secret: string | null }>;
  /** Writes the channel's state; `secret` is encrypted at rest with the app's ENCRYPTION_KEY. */
  write(update: { value?: Record<string, unknown>; secret?: string | null }): Promise<void>;
  /** Takes the channel's lease for `ms` when nobody holds it; returns the lease token or null. */
  acquireLease(ms: number): Promise<string | null>;
  releaseLease(token: string): Promise<void>;
};

/** What the dispatcher hands a channel with each attempt. */
export type DeliveryContext = {
  deliveryId: number;
  /** Stable across every attempt of this delivery (channel + event): receivers de-duplicate on it. */
  idempotencyKey: string;
  /** 1 for the first attempt. */
  attempt: number;
  /** What this channel calls the document, from its latest delivered event (null when none or removed). */
  previousExternalId: string | null;
  /** Progress saved by an earlier attempt of this delivery. */
  checkpoint: Record<string, unknown> | null;
  /** Saves progress durably before the next step, so a retry resumes instead of repeating it. */
  saveCheckpoint(value: Record<string, unknown>): Promise<void>;
  /** Aborted when the app shuts down. */
  signal: AbortSignal;
  log: Core.Strapi['log'];
};

export type SendResult =
  /** `note`: what the editor should know about a delivery that went out incomplete (e.g. without its audio). */
  | { outcome: 'delivered'; externalId?: string | null; statusCode?: number; note?: string }
  /** Nothing to do on this channel after all (e.g. removing an article that was never created). */
  | { outcome: 'skipped'; reason: string }
  /**
   * Not sendable yet (waiting for another delivery, a sending window, a monthly budget): back to the
   * queue until `until`, the attempt not spent, `reason` shown as the delivery's last message.
   */
  | { outcome: 'deferred'; until: Date; reason: string };

/**
 * One distribution channel. Adding a channel is a new folder exporting a `ChannelFactory`, listed
 * in `channels/index.ts` (or registered at runtime through the `channels` service): the dispatcher
 * never changes.
 */
export interface ChannelAdapter<TRequest = unknown> {
  /** Stable name stored on deliveries (`portal`, `zalo`…). */
  readonly name: string;
  /** Display names for the admin panel. */
  readonly label: { vi: string; en: string };
  /** Deliveries only when asked for (e.g. Zalo broadcasts): publishing creates none on this channel. */
  readonly onDemand?: boolean;
  describe(): Promise<ChannelDescription>;
  /** Whether this channel takes the event at all; when not, its delivery is recorded as `skipped`. */
  accepts(event: PublicationEvent): boolean;
  /** Queue priority: higher goes first (e.g. emergency radio bulletins). Default 0. */
  priority?(event: PublicationEvent): number;
  /** Builds the request from the event; pure apart from reading what the context offers. */
  render(event: PublicationEvent, context: DeliveryContext): Promise<TRequest> | TRequest;
  /** Sends the rendered request; throws `ChannelError` to classify a failure. */
  send(request: TRequest, context: DeliveryContext): Promise<SendResult>;
  /**
   * Whether this channel lacks something of a published version that changed without a publish
   * (a radio script's audio rendered afterwards), so that a new `updated` event must carry it.
   * Runs inside the caller's transaction: reads the database only, never calls out.
   */
  needsRefresh?(version: PublishedVersion & { uid: UID.ContentType; documentId: string }): Promise<boolean>;
}

export type ChannelFactoryDeps = {
  strapi: Core.Strapi;
  /** This channel's section of the plugin config (`config.channels[name]`), parsed by the channel. */
  config: Record<string, unknown>;
  /** Base URL prefixed to relative media URLs (e.g. `/uploads/x.jpg`). */
  publicUrl: string | null;
  state: ChannelStateStore;
};

export type ChannelFactory = { name: string; create(deps: ChannelFactoryDeps): ChannelAdapter };
