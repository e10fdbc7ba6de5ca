import type { Core } from '@strapi/strapi';
import { changeFeedService, type ChangeType } from '../../../common/change-feed';
import { notFoundError } from '../../../common/errors';
import { publicRoleActions } from '../../../lib/public-role';
import { encodeCursor } from '../cursor';

/** One entry of the feed as clients get it. */
export type ChangeEntry = { cursor: string; type: ChangeType; uid: string; documentId: string; locale: string | null; occurredAt: string };
export type ChangesPage = { data: ChangeEntry[]; meta: { nextCursor: string; hasMore: boolean } };

export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** Content types whose `find` the Public role holds now: only their events may appear. */
  const publicUids = async (): Promise<string[]> => {
    const granted = await publicRoleActions(strapi);
    return Object.keys(strapi.contentTypes).filter((uid) => granted.has(`${uid}.find`));
  };

  return {
    /**
     * The changes after sequence `after`, oldest first. `nextCursor` is the last entry's cursor, or
     * the cursor of `after` itself when nothing new is there, so a client can always poll with it.
     */
    async page(after: number, limit: number): Promise<ChangesPage> {
      const feed = changeFeedService(strapi);
      if (!feed) throw notFoundError('The change feed is not available: multichannel publishing is turned off on this server');
      const { changes, hasMore } = await feed.page({ after, limit, uids: await publicUids() });
      const data = changes.map((change) => ({
        cursor: encodeCursor(change.sequence),
        type: change.type,
        uid: change.uid,
        documentId: change.documentId,
        locale: change.locale,
        occurredAt: change.occurredAt.toISOString(),
      }));
      return { data, meta: { nextCursor: data.at(-1)?.cursor ?? encodeCursor(after), hasMore } };
    },
  };
};
