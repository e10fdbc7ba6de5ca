import type { Core } from '@strapi/strapi';
import { plainForbiddenError } from '../../../../common/errors';
import { ENTRY_UID } from './constants';

type KoaContext = { path: string; status: number; body: unknown };
type DocumentContext = { uid: string; action: string };

const READ_ACTIONS = new Set(['findOne', 'findMany', 'findFirst', 'count']);
const MESSAGE = 'Audit trail entries are written by the audit-trail plugin only and can never be changed or deleted';

const decodedPath = (path: string): string => {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
};

/**
 * The content manager serves hidden content types too: refuse every content-manager request
 * about the entries, reads included (the plugin's own page is the only way to read them, and it
 * is the super admin's).
 */
export const contentManagerGuard = async (ctx: KoaContext, next: () => Promise<unknown>): Promise<unknown> => {
  if (ctx.path.startsWith('/content-manager/') && decodedPath(ctx.path).toLowerCase().includes(ENTRY_UID)) {
    ctx.status = 403;
    ctx.body = { data: null, error: { status: 403, name: 'ForbiddenError', message: MESSAGE, details: {} } };
    return undefined;
  }
  return next();
};

/** The document service reads entries but writes none: the plugin inserts through the query engine. */
export const documentWriteGuard = async (rawContext: unknown, next: () => Promise<unknown>): Promise<unknown> => {
  const context = rawContext as DocumentContext;
  if (context.uid === ENTRY_UID && !READ_ACTIONS.has(context.action)) throw plainForbiddenError(MESSAGE);
  return next();
};

const refuse = () => {
  throw plainForbiddenError(MESSAGE);
};

/**
 * Below the document service: the query engine (`strapi.db.query`) refuses to update or delete an
 * entry, whoever asks. Only raw SQL gets past this, which no route offers.
 */
export const subscribeQueryGuard = (strapi: Core.Strapi): void => {
  strapi.db.lifecycles.subscribe({
    models: [ENTRY_UID],
    beforeUpdate: refuse,
    beforeUpdateMany: refuse,
    beforeDelete: refuse,
    beforeDeleteMany: refuse,
  });
};
