import type { Core, UID } from '@strapi/strapi';
import type { PublicationRefreshService } from '../../../../../common/publication-refresh';
import { contentTypes as contentTypeUtils } from '@strapi/utils';
import type { ChannelAdapter } from '../channels/types';
import type { EventSource } from '../constants';
import { diffVersions, type VersionChange } from '../utils/diff-versions';
import { documentRowExists } from '../queries/document-row-exists';
import { countEntryEvents } from '../queries/count-entry-events';
import { findLatestEvent } from '../queries/find-latest-event';
import { findPublishedVersions } from '../queries/find-published-versions';
import { findUnrecordedPublications } from '../queries/find-unrecorded-publications';
import { findUnrecordedUnpublications } from '../queries/find-unrecorded-unpublications';
import { insertDeliveries } from '../queries/insert-deliveries';
import { insertEvent } from '../queries/insert-event';
import { lockEventSequence } from '../queries/lock-event-sequence';
import { nextEventSequence } from '../queries/next-event-sequence';
import type { PublicationEvent, PublishedVersion } from '../types';
import { getPluginConfig } from '../utils/config';
import { isLocalizedModel } from '../utils/localized';
import { executor } from '../utils/db';
import { getService } from '../utils/get-service';

// The sweep repairs at most this many versions per content type and run; the next run does the rest.
const SWEEP_BATCH = 200;

type Model = { uid: string; collectionName: string; info?: { singularName?: string }; attributes: Record<string, unknown>; pluginOptions?: unknown };

/** Publication events: recorded with each publish/unpublish, and repaired by the sweep. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const configured = getPluginConfig(strapi).contentTypes.map((entry) => entry.uid);
  let covered: Set<UID.ContentType> | null = null;

  const isContentType = (uid: string): uid is UID.ContentType => uid in strapi.contentTypes;

  /** Configured uids that exist and have draft & publish; computed once the content types are loaded. */
  const coveredUids = (): Set<UID.ContentType> => {
    covered ??= new Set(configured.filter(isContentType).filter((uid) => contentTypeUtils.hasDraftAndPublish(strapi.getModel(uid))));
    return covered;
  };

  const isCovered = (uid: string): uid is UID.ContentType => (coveredUids() as ReadonlySet<string>).has(uid);

  const modelOf = (uid: UID.ContentType): Model => strapi.getModel(uid);

  /** Writes one event and its deliveries; must run inside a transaction. */
  const recordChange = async (
    uid: UID.ContentType,
    documentId: string,
    change: VersionChange,
    source: EventSource,
    channels: ChannelAdapter[],
    revision = 0,
  ): Promise<void> => {
    const db = await executor(strapi);
    const snapshots = getService(strapi, 'snapshot');
    const sequence = await nextEventSequence(db);
    const snapshot =
      change.type === 'unpublished'
        ? snapshots.tombstone(documentId, change.locale, (await findLatestEvent(db, { uid, documentId, locale: change.locale }))?.snapshot ?? null)
        : await snapshots.build(uid, change.entryId);
    const occurredAt = new Date();
    // A withdrawal whose document row is gone in that locale was a delete (the sweep can tell too).
    const model = modelOf(uid);
    const deleted =
      change.type === 'unpublished' &&
      !(await documentRowExists(db, { table: model.collectionName, documentId, locale: change.locale, localized: isLocalizedModel(model) }));
    const { id, key } = await insertEvent(strapi, {
      sequence,
      type: change.type,
      uid,
      documentId,
      locale: change.locale,
      entryId: change.entryId,
      occurredAt,
      snapshot,
      recordedBy: source,
      deleted,
      revision,
    });
    const event: PublicationEvent = {
      id,
      key,
      sequence,
      type: change.type,
      uid,
      contentType: model.info?.singularName ?? uid,
      documentId,
      locale: change.locale,
      entryId: change.entryId,
      occurredAt,
      snapshot,
      recordedBy: source,
    };
    await insertDeliveries(
      strapi,
      channels.map((adapter) => {
        const accepted = adapter.accepts(event);
        return {
          eventId: id,
          eventSequence: sequence,
          uid,
          documentId,
          locale: change.locale,
          channel: adapter.name,
          status: accepted ? 'pending' : 'skipped',
          priority: accepted ? (adapter.priority?.(event) ?? 0) : 0,
          idempotencyKey: `${adapter.name}.${key}`,
          nextAttemptAt: occurredAt,
          lastError: accepted ? null : `the ${adapter.name} channel does not take this content type or locale`,
        };
      }),
    );
  };

  const service = {
    coveredUids,

    /** Whether publications of `uid` are distributed. */
    isCovered,

    /** The published versions of a document now (inside the caller's transaction). */
    publishedVersions(uid: UID.ContentType, documentId: string): Promise<PublishedVersion[]> {
      return findPublishedVersions(strapi, uid, documentId);
    },

    /**
     * Records the events (one per locale whose published version changed) and their deliveries for a
     * write of a document, in the caller's transaction. Returns how many events were written.
     */
    async recordDocumentChange(uid: UID.ContentType, documentId: string, before: PublishedVersion[], after: PublishedVersion[]): Promise<number> {
      const changes = diffVersions(before, after);
      if (changes.length === 0) return 0;
      const channels = await getService(strapi, 'channels').active();
      for (const change of changes) await recordChange(uid, documentId, change, 'transaction', channels);
      return changes.length;
    },

    /**
     * Records an `updated` event for each published version of a document that a channel lacks as it
     * is now (its `needsRefresh`), in the caller's transaction; the dispatcher runs after commit.
     */
    async refreshPublished(uid: string, documentId: string): Promise<number> {
      if (!isCovered(uid)) return 0;
      return strapi.db.transaction(async ({ onCommit }) => {
        const channels = await getService(strapi, 'channels').active();
        const askers = channels.filter((adapter) => adapter.needsRefresh);
        if (askers.length === 0) return 0;
        let recorded = 0;
        for (const version of await findPublishedVersions(strapi, uid, documentId)) {
          let needed = false;
          for (const adapter of askers) {
            if (await adapter.needsRefresh!({ ...version, uid, documentId })) needed = true;
          }
          if (!needed) continue;
          const revision = await countEntryEvents(await executor(strapi), { uid, entryId: version.id });
          await recordChange(uid, documentId, { type: 'updated', entryId: version.id, locale: version.locale }, 'transaction', channels, revision);
          recorded += 1;
        }
        if (recorded > 0) onCommit(() => getService(strapi, 'dispatcher').kick());
        return recorded;
      });
    },

    /**
     * Creates the events (and deliveries) a publish or unpublish should have written but did not:
     * a process killed right after commit, or a write that bypassed the document service.
     */
    async sweep(): Promise<number> {
      let created = 0;
      for (const uid of coveredUids()) {
        const model = modelOf(uid);
        const localized = isLocalizedModel(model);
        created += await strapi.db.transaction(async ({ trx }) => {
          // Serialises with publishing transactions and other nodes' sweeps.
          await lockEventSequence(trx);
          const query = { uid, table: model.collectionName, localized, limit: SWEEP_BATCH };
          const publications = await findUnrecordedPublications(trx, query);
          const unpublications = await findUnrecordedUnpublications(trx, query);
          if (publications.length === 0 && unpublications.length === 0) return 0;
          const channels = await getService(strapi, 'channels').active();
          for (const publication of publications) {
            const latest = await findLatestEvent(trx, { uid, documentId: publication.documentId, locale: publication.locale });
            const type = latest && latest.type !== 'unpublished' ? 'updated' : 'published';
            await recordChange(uid, publication.documentId, { type, entryId: publication.entryId, locale: publication.locale }, 'sweep', channels);
          }
          for (const unpublication of unpublications) {
            await recordChange(uid, unpublication.documentId, { type: 'unpublished', entryId: unpublication.entryId, locale: unpublication.locale }, 'sweep', channels);
          }
          return publications.length + unpublications.length;
        });
      }
      if (created > 0) strapi.log.info(`[multichannel-publishing] reconciliation sweep recorded ${created} missing publication event(s)`);
      return created;
    },
  };
  // The app reaches `refreshPublished` by name (src/common/publication-refresh.ts): keep both sides in step.
  return service satisfies PublicationRefreshService;
};
