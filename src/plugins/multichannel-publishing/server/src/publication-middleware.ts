import type { Core, UID } from '@strapi/strapi';
import { PUBLICATION_ACTIONS, PUBLISH_ON_WRITE_ACTIONS } from './constants';
import { getService } from './utils/get-service';

type DocumentContext = { uid: UID.ContentType; action: string; params?: { documentId?: string; status?: string } };
type Next = () => Promise<unknown>;

const documentIdOf = (context: DocumentContext, result: unknown): string | undefined => {
  if (context.params?.documentId) return context.params.documentId;
  const value = result && typeof result === 'object' ? (result as { documentId?: unknown }).documentId : undefined;
  return typeof value === 'string' ? value : undefined;
};

/**
 * Document-service middleware: around every write that can change which versions of a covered
 * document are published (publish, unpublish, delete, create/update with status "published"), it
 * compares the published versions before and after and records the events and deliveries in the
 * same transaction as the write. The dispatcher is asked to run once that transaction commits.
 */
export const publicationMiddleware =
  (strapi: Core.Strapi) =>
  async (rawContext: unknown, next: Next): Promise<unknown> => {
    const context = rawContext as DocumentContext;
    if (!PUBLICATION_ACTIONS.has(context.action)) return next();
    if (PUBLISH_ON_WRITE_ACTIONS.has(context.action) && context.params?.status !== 'published') return next();
    const events = getService(strapi, 'publication-events');
    if (!events.isCovered(context.uid)) return next();

    // Strapi runs the repository call in `strapi.db.transaction`, which joins this one.
    return strapi.db.transaction(async ({ onCommit }) => {
      const knownId = context.params?.documentId;
      const before = knownId ? await events.publishedVersions(context.uid, knownId) : [];
      const result = await next();
      const documentId = documentIdOf(context, result);
      if (!documentId) return result;
      const after = await events.publishedVersions(context.uid, documentId);
      const recorded = await events.recordDocumentChange(context.uid, documentId, before, after);
      if (recorded > 0) onCommit(() => getService(strapi, 'dispatcher').kick());
      return result;
    });
  };
