import type { UID } from '@strapi/strapi';
import { plainForbiddenError } from '../../../../../common/errors';
import { PLUGIN_CONTENT_TYPE_UIDS } from '../constants';

type KoaContext = { path: string; status: number; body: unknown };
type DocumentContext = { uid: UID.ContentType; action: string };

const PLUGIN_UID_PREFIX = 'plugin::multichannel-publishing.';
const READ_ACTIONS = new Set(['findOne', 'findMany', 'findFirst', 'count']);

const decodedPath = (path: string): string => {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
};

/**
 * The content manager lists every content type for reading, hidden ones included. The outbox rows are
 * the dispatcher's alone (and the state row holds encrypted secrets): refuse any content-manager
 * request about them.
 */
export const contentManagerGuard = async (ctx: KoaContext, next: () => Promise<unknown>): Promise<unknown> => {
  if (ctx.path.startsWith('/content-manager/') && decodedPath(ctx.path).includes(PLUGIN_UID_PREFIX)) {
    const message = 'Publication events, deliveries and channel state are managed by the multichannel-publishing plugin';
    ctx.status = 403;
    ctx.body = { data: null, error: { status: 403, name: 'ForbiddenError', message, details: {} } };
    return undefined;
  }
  return next();
};

/** Whatever the path, nothing writes the plugin's rows through the document service. */
export const documentWriteGuard = async (rawContext: unknown, next: () => Promise<unknown>): Promise<unknown> => {
  const context = rawContext as DocumentContext;
  if ((PLUGIN_CONTENT_TYPE_UIDS as readonly string[]).includes(context.uid) && !READ_ACTIONS.has(context.action)) {
    throw plainForbiddenError('Publication events, deliveries and channel state are written by the multichannel-publishing plugin only');
  }
  return next();
};
