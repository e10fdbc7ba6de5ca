import type { Core } from '@strapi/strapi';

/**
 * What app code may know of the multichannel-publishing plugin's outbox, declared in the kernel
 * because the app never imports a plugin: its name, the two tables it writes in each publish's
 * transaction (publication events, one delivery per event and channel), their content-type UIDs
 * and the channels it ships with. The plugin's own constants are these values, so a rename on
 * either side is one edit here. Readers (coverage KPIs) query the tables read-only through knex and
 * must answer as if nothing was ever delivered when the plugin is disabled ({@link outboxAvailable}).
 */
export const PUBLISHING_PLUGIN = 'multichannel-publishing' as const;
export const OUTBOX_EVENTS_TABLE = 'multichannel_publication_events' as const;
export const OUTBOX_DELIVERIES_TABLE = 'multichannel_deliveries' as const;
export const OUTBOX_EVENT_UID = 'plugin::multichannel-publishing.publication-event' as const;
export const OUTBOX_DELIVERY_UID = 'plugin::multichannel-publishing.delivery' as const;

/** Channels shipped with the plugin (portal, Zalo OA, the radio's source system); more may be registered at runtime. */
export const BUILT_IN_CHANNEL_NAMES = ['portal', 'zalo', 'source-system'] as const;

/** Event types that put a version in front of the public (an `unpublished` event withdraws it). */
export const COMMUNICATING_EVENT_TYPES = ['published', 'updated'] as const;

/** Whether the plugin is enabled on this server (its tables then exist and are kept). */
export const outboxAvailable = (strapi: Core.Strapi): boolean => Boolean(strapi.plugin(PUBLISHING_PLUGIN));

/**
 * Emitted on `strapi.eventHub` by the plugin once a delivery's outcome is committed (delivered,
 * failed, dead) or an editor sends it back to the queue. The outbox writes through knex, which
 * Strapi's lifecycle subscribers never see: readers of outcomes (the read cache of the coverage
 * KPIs) listen to this instead.
 */
export const DELIVERY_OUTCOME_EVENT = 'multichannel-publishing.delivery-outcome' as const;
export type DeliveryOutcomeNotice = { deliveryId: number; channel: string; status: string };
