import type { Core } from '@strapi/strapi';
import { keepPluginOwned } from '../../../../common/plugin-owned-types';
import { PLUGIN_CONTENT_TYPE_UIDS } from './constants';
import { publicationMiddleware } from './publication-middleware';

/**
 * Strapi's document-middleware type. Its result is a union per action that a pass-through
 * middleware (returning whatever `next()` gave) cannot name, so the plugin's middlewares are
 * written against `unknown` and cast once, here.
 */
type DocumentMiddleware = Parameters<Core.Strapi['documents']['use']>[0];

/** Hooks publications, and keeps the plugin's tables out of the content manager and GraphQL. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  // The outbox rows are the dispatcher's alone (and the state row holds encrypted secrets).
  keepPluginOwned(strapi, {
    uids: PLUGIN_CONTENT_TYPE_UIDS,
    contentManagerMessage: 'Publication events, deliveries and channel state are managed by the multichannel-publishing plugin',
    writeMessage: 'Publication events, deliveries and channel state are written by the multichannel-publishing plugin only',
  });
  strapi.documents.use(publicationMiddleware(strapi) as DocumentMiddleware);
};
