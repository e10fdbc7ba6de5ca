import type { Core } from '@strapi/strapi';

/**
 * What the app's public change feed (`GET /api/changes`) asks the multichannel-publishing plugin,
 * declared here because the app never imports a plugin: it looks the `change-feed` service up by
 * name and gets `undefined` when the plugin is disabled. The plugin's service is typed with this
 * contract, so a change on either side fails typecheck.
 */

/** What happened to the public version of a document locale. */
export const CHANGE_TYPES = ['published', 'updated', 'unpublished', 'deleted'] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];

/** One publication event as the public may see it: identity and time, never its snapshot. */
export type Change = {
  /** Position in the feed: grows in commit order, gap-free among committed events. */
  sequence: number;
  type: ChangeType;
  uid: string;
  documentId: string;
  locale: string | null;
  occurredAt: Date;
};

export type ChangeFeedPage = { changes: Change[]; hasMore: boolean };

export type ChangeFeedService = {
  /** The changes of content types `uids` with a sequence above `after`, oldest first, at most `limit`. */
  page(query: { after: number; limit: number; uids: readonly string[] }): Promise<ChangeFeedPage>;
};

/** The plugin's `change-feed` service, or undefined when multichannel publishing is disabled. */
export const changeFeedService = (strapi: Core.Strapi): ChangeFeedService | undefined =>
  strapi.plugin('multichannel-publishing')?.service('change-feed') as ChangeFeedService | undefined;
