import type { Core } from '@strapi/strapi';
import { FEEDBACK_STATUSES } from '../api/feedback/constants';
import { FEEDBACK_UID } from '../common/uids';

/** Where a moderation status sent through the content manager waits for the document middleware. */
export const PENDING_FEEDBACK_STATUS = 'pendingFeedbackStatus';

/** The status and the content-manager action whose field permission on `status` must allow it. */
export type PendingFeedbackStatus = { status: string; action: string };

type Ability = { can: (action: string, subject?: string, field?: string) => boolean };
type Doc = Record<string, unknown> & { documentId?: string };
type Context = {
  method: string;
  path: string;
  request: { body?: unknown };
  state: Record<string, unknown> & { userAbility?: Ability };
  body: unknown;
};

const BASE = `/content-manager/collection-types/${FEEDBACK_UID}`;
const WRITE_ACTIONS: Record<string, string> = {
  POST: 'plugin::content-manager.explorer.create',
  PUT: 'plugin::content-manager.explorer.update',
};

const isFeedbackStatus = (value: unknown): value is string => typeof value === 'string' && (FEEDBACK_STATUSES as readonly string[]).includes(value);

/**
 * Strapi 5.54's content manager reads a body's `status` as the draft/publish dimension and refuses
 * anything but draft/published ("Invalid status"), and it blanks `status` in the documents it
 * returns for types without draft & publish. The feedback's moderation `status` (a fixed attribute
 * name) would be unusable in the admin panel. This bridge, for the feedback routes of the content
 * manager only, takes the moderation status out of the body (where the user may edit that field)
 * for `applyFeedbackRules` to put back, and writes the stored status back into the responses.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const restoreStatuses = async (docs: Doc[]) => {
    const ids = docs.map((doc) => doc.documentId).filter((id): id is string => typeof id === 'string');
    if (ids.length === 0) return;
    const rows = (await strapi.db.query(FEEDBACK_UID).findMany({ select: ['documentId', 'status'], where: { documentId: { $in: ids } } })) as Array<{
      documentId: string;
      status: string;
    }>;
    const byId = new Map(rows.map((row) => [row.documentId, row.status]));
    for (const doc of docs) if (doc.documentId && byId.has(doc.documentId)) doc.status = byId.get(doc.documentId);
  };

  return async (ctx: Context, next: () => Promise<unknown>) => {
    let path: string;
    try {
      path = decodeURIComponent(ctx.path);
    } catch {
      return next();
    }
    if (path !== BASE && !path.startsWith(`${BASE}/`)) return next();

    const action = WRITE_ACTIONS[ctx.method];
    const body = ctx.request.body as Record<string, unknown> | undefined;
    if (action && body && typeof body === 'object' && isFeedbackStatus(body.status)) {
      // The user is authenticated later, by the route: the field permission is checked when applied.
      ctx.state[PENDING_FEEDBACK_STATUS] = { status: body.status, action } satisfies PendingFeedbackStatus;
      delete body.status;
    }

    await next();

    const response = ctx.body as { data?: unknown; results?: unknown } | undefined;
    if (!response || typeof response !== 'object') return;
    const docs = [
      ...(Array.isArray(response.results) ? response.results : []),
      ...(response.data && typeof response.data === 'object' && !Array.isArray(response.data) ? [response.data] : []),
    ] as Doc[];
    await restoreStatuses(docs);
  };
};
