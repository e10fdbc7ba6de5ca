import type { Core, UID } from '@strapi/strapi';
import { OWN_UIDS } from '../constants';
import { NO_LOCALE } from '../services/content';
import { currentRecorder } from '../utils/actor';
import { conflictError, forbiddenError } from '../../../../../common/errors';
import { getService } from '../utils/get-service';
import { trustedReason } from '../utils/trust';

type Params = Record<string, unknown> & { documentId?: string; locale?: unknown; status?: unknown };
type DocumentContext = { uid: UID.ContentType; action: string; params: Params };
type Next = () => Promise<unknown>;
type Entry = { documentId?: string; locale?: string | null };

/** Reads are the only document-service actions allowed on the plugin's own content types. */
const READ_ACTIONS = new Set(['findOne', 'findMany', 'findFirst', 'count']);

/** Actions after which a draft may hold different content than was submitted or approved. */
const DRAFT_WRITES = new Set(['update', 'discardDraft']);

/**
 * The workflow's hold on every write path. Document-service middlewares see the admin panel, the
 * content-manager API (single and bulk), the REST and GraphQL APIs and in-process
 * `strapi.documents(uid)` calls alike, which database lifecycles would not distinguish.
 */
export const createDocumentGuard = (strapi: Core.Strapi) => {
  const settings = () => getService(strapi, 'settings');
  const content = () => getService(strapi, 'content');
  const workflow = () => getService(strapi, 'workflow');

  /** The distinct locales of the rows an action returned (NO_LOCALE for non-localized types). */
  const entryLocales = (uid: UID.ContentType, entries: Entry[] | undefined) =>
    content().isLocalized(uid) ? [...new Set((entries ?? []).map((entry) => String(entry.locale)))] : entries?.length ? [NO_LOCALE] : [];

  const guardOwnContentTypes = (ctx: DocumentContext, next: Next) => {
    if (READ_ACTIONS.has(ctx.action)) return next();
    throw forbiddenError('The approval audit trail is append-only: its entries cannot be created, changed or deleted through any API.');
  };

  /** A write followed by the void check, atomically, so an edit and its "approval voided" land together. */
  const writeThenVoid = (ctx: DocumentContext, next: Next) =>
    strapi.db.transaction(async () => {
      const result = (await next()) as { documentId?: string } | null;
      const documentId = ctx.params.documentId ?? result?.documentId;
      if (documentId) await workflow().voidChangedApprovals(ctx.uid, documentId, currentRecorder(strapi));
      return result;
    });

  /**
   * `update(..., status: 'published')` (the REST default) publishes from inside the repository, out
   * of the middlewares' reach: update the draft first, then publish through the guarded path.
   */
  const updateThenPublish = (ctx: DocumentContext, next: Next) =>
    strapi.db.transaction(async () => {
      const { locale, fields, populate } = ctx.params;
      ctx.params = { ...ctx.params, status: 'draft' };
      const draft = (await writeThenVoid(ctx, next)) as Entry | null;
      if (!draft?.documentId) return draft;
      const publishParams = Object.fromEntries(
        Object.entries({ locale, fields, populate }).filter(([, value]) => value !== undefined),
      );
      // Strapi types `publish` (and its params) only for a uid known statically to have draft & publish;
      // this one is known at runtime (the caller checked `hasDraftAndPublish`).
      const published = (await strapi
        .documents(ctx.uid as never)
        .publish({ ...publishParams, documentId: draft.documentId } as never)) as { entries?: unknown[] };
      return published.entries?.[0] ?? null;
    });

  const publish = async (ctx: DocumentContext, next: Next) => {
    const documentId = ctx.params.documentId;
    if (!documentId) return next();
    const locales = await content().draftLocales(ctx.uid, documentId, ctx.params.locale);
    await workflow().assertPublishable(ctx.uid, documentId, locales);
    const result = (await next()) as { entries?: Entry[] } | null;
    const published = entryLocales(ctx.uid, result?.entries);
    await workflow().recordContentAction(ctx.uid, documentId, 'publish', published, currentRecorder(strapi));
    return result;
  };

  /**
   * `create(..., status: 'published')` (the REST default): only trusted code may, and the
   * publication is recorded. Anyone else gets the draft validated first (so bad input is still a
   * 400 naming the rule), then a 409 that rolls the draft back.
   */
  const createPublished = (ctx: DocumentContext, next: Next) =>
    strapi.db.transaction(async () => {
      if (trustedReason() === null) {
        ctx.params = { ...ctx.params, status: 'draft' };
        await next();
        throw conflictError(
          'A new document needs approval before it can be published: create it as a draft and submit it for approval. ' +
            '/ Văn bản mới cần được phê duyệt trước khi xuất bản: hãy lưu bản nháp và gửi duyệt.',
          { code: 'APPROVAL_REQUIRED', uid: ctx.uid, stage: 'draft' },
        );
      }
      const entry = (await next()) as Entry | null;
      if (entry?.documentId) {
        await workflow().recordContentAction(ctx.uid, entry.documentId, 'publish', entryLocales(ctx.uid, [entry]), currentRecorder(strapi));
      }
      return entry;
    });

  const unpublishOrDelete = async (ctx: DocumentContext, next: Next, action: 'unpublish' | 'delete') => {
    const documentId = ctx.params.documentId;
    if (!documentId) return next();
    const result = (await next()) as { entries?: Entry[] } | null;
    await workflow().recordContentAction(ctx.uid, documentId, action, entryLocales(ctx.uid, result?.entries), currentRecorder(strapi));
    return result;
  };

  return async (context: unknown, next: Next): Promise<unknown> => {
    const ctx = context as DocumentContext;
    if (OWN_UIDS.includes(ctx.uid)) return guardOwnContentTypes(ctx, next);
    if (!settings().find(ctx.uid)) return next();

    switch (ctx.action) {
      case 'create':
        // A new document has never been reviewed, so it cannot be created published.
        if (ctx.params.status === 'published' && content().hasDraftAndPublish(ctx.uid)) return createPublished(ctx, next);
        return next();
      case 'update':
        if (ctx.params.status === 'published' && content().hasDraftAndPublish(ctx.uid)) return updateThenPublish(ctx, next);
        return writeThenVoid(ctx, next);
      case 'publish':
        return strapi.db.transaction(() => publish(ctx, next));
      case 'unpublish':
        return strapi.db.transaction(() => unpublishOrDelete(ctx, next, 'unpublish'));
      case 'delete':
        return strapi.db.transaction(() => unpublishOrDelete(ctx, next, 'delete'));
      default:
        return DRAFT_WRITES.has(ctx.action) ? writeThenVoid(ctx, next) : next();
    }
  };
};
