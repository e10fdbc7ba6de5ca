import type { Core } from '@strapi/strapi';
import { plainForbiddenError } from './errors';

type DocumentMiddleware = Parameters<Core.Strapi['documents']['use']>[0];
type DocumentContext = { uid: string; action: string };

const READ_ACTIONS = new Set(['findOne', 'findMany', 'findFirst', 'count']);

const decodedPath = (path: string): string => {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
};

export type PluginOwnedTypes = {
  uids: readonly string[];
  /** Why the content manager may not show them (answered as a 403). */
  contentManagerMessage: string;
  /** Why nothing may write them through the document service (answered as a 403). */
  writeMessage: string;
};

/**
 * Content types whose rows only their plugin writes (an outbox, an audit trail): the content manager
 * serves hidden content types too, so every content-manager request about them is refused, reads
 * included; the document service reads them but never writes them (the plugin writes through the
 * query engine); GraphQL does not expose them. Call from the plugin's `register`.
 */
export const keepPluginOwned = (strapi: Core.Strapi, { uids, contentManagerMessage, writeMessage }: PluginOwnedTypes): void => {
  const lowerUids = uids.map((uid) => uid.toLowerCase());
  const writeGuard = async (context: DocumentContext, next: () => Promise<unknown>): Promise<unknown> => {
    if (uids.includes(context.uid) && !READ_ACTIONS.has(context.action)) throw plainForbiddenError(writeMessage);
    return next();
  };
  // Strapi types a document middleware's context per UID and action, a union this uid check does not need narrowed.
  strapi.documents.use(writeGuard as unknown as DocumentMiddleware);
  // Added before the configured middlewares: answers before any content-manager route runs.
  strapi.server.use(async (ctx: { path: string; status: number; body: unknown }, next: () => Promise<unknown>) => {
    const path = decodedPath(ctx.path).toLowerCase();
    if (ctx.path.startsWith('/content-manager/') && lowerUids.some((uid) => path.includes(uid))) {
      ctx.status = 403;
      ctx.body = { data: null, error: { status: 403, name: 'ForbiddenError', message: contentManagerMessage, details: {} } };
      return undefined;
    }
    return next();
  });
  if (strapi.plugin('graphql')) {
    const extension = strapi.plugin('graphql').service('extension') as { shadowCRUD(uid: string): { disable(): void } };
    for (const uid of uids) extension.shadowCRUD(uid).disable();
  }
};
