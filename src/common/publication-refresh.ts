import type { Core } from '@strapi/strapi';

/**
 * What the app asks the multichannel-publishing plugin when a published document's distributed
 * content changes without a publish (a radio script's audio rendered after it was published),
 * declared here because the app never imports a plugin: it looks the `publication-events` service
 * up by name and gets `undefined` when the plugin is disabled. The plugin's service is typed with
 * this contract, so a change on either side fails typecheck.
 */
export type PublicationRefreshService = {
  /**
   * In the caller's transaction, records an `updated` publication event (with one delivery per
   * channel, as a re-publish does) for each published version of the document that some channel
   * has not received as it is now (e.g. the source system lacks the ready audio); nothing when
   * every channel has it or will read it on its pending delivery. Returns how many events it wrote.
   */
  refreshPublished(uid: string, documentId: string): Promise<number>;
};

/** The plugin's `publication-events` service, or undefined when multichannel publishing is disabled. */
export const publicationRefreshService = (strapi: Core.Strapi): PublicationRefreshService | undefined =>
  strapi.plugin('multichannel-publishing')?.service('publication-events') as PublicationRefreshService | undefined;
