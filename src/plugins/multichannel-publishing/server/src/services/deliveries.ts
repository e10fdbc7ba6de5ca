import type { Core } from '@strapi/strapi';
import { conflictError, forbiddenError, notFoundError } from '../../../../../common/errors';
import type { ChannelView, Pagination } from '../../../contracts';
import { FAILURE_WINDOW_MS, MAX_BULK_RETRY, RETRYABLE_STATUSES } from '../constants';
import type { BulkRetryRequest } from '../validation/bulk-retry';
import { toDelivery, toJoinedEvent } from '../utils/delivery-rows';
import { presentDelivery, type PresentedDelivery } from '../utils/present';
import { toDate } from '../utils/rows';
import { channelActivity } from '../queries/channel-activity';
import { findDelivery } from '../queries/find-delivery';
import { findNewerEvent } from '../queries/find-newer-event';
import { findPublishedVersions } from '../queries/find-published-versions';
import { countDeliveries } from '../queries/count-deliveries';
import { listDeliveries, type DeliveryFilters } from '../queries/list-deliveries';
import { requeueDelivery } from '../queries/requeue-delivery';
import { getService } from '../utils/get-service';
import { mayReadDocument, readableDocuments, type Ability } from '../utils/document-scope';

// Strapi's application errors carry no status (its error middleware maps them by name); http-errors ones do.
const STATUS_OF_ERROR: Record<string, number> = { NotFoundError: 404, PolicyError: 403, ForbiddenError: 403, ValidationError: 400 };

/** What editors see and do with deliveries (behind the admin API). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const present = (row: Record<string, unknown>): PresentedDelivery => presentDelivery(toDelivery(row), toJoinedEvent(strapi, row));

  return {
    /**
     * One page of the deliveries of documents `ability` may read (the content manager's read
     * permission and its conditions), newest event first; the totals count only those.
     */
    async list(
      filters: DeliveryFilters,
      { page, pageSize }: { page: number; pageSize: number },
      ability: Ability,
    ): Promise<{ results: PresentedDelivery[]; pagination: Pagination }> {
      const db = strapi.db.connection;
      const scope = await readableDocuments(strapi, ability);
      const rows = await listDeliveries(db, filters, scope, { offset: (page - 1) * pageSize, limit: pageSize });
      const total = await countDeliveries(db, filters, scope);
      return {
        results: rows.map(present),
        pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total },
      };
    },

    /**
     * Sends a failed or dead delivery back to the queue now. A delivery of a document `ability` may
     * not read is a 403; any other state, a newer event or a withdrawn document is a 409.
     */
    async retry(id: number, ability: Ability): Promise<PresentedDelivery> {
      const db = strapi.db.connection;
      const row = await findDelivery(db, id);
      if (!row) throw notFoundError(`delivery ${id} not found`);
      const delivery = toDelivery(row);
      if (!(await mayReadDocument(strapi, ability, delivery.uid, delivery.documentId))) {
        throw forbiddenError(`delivery ${id} is of a document your role may not read (${delivery.uid}): only those who may read it can replay it`, {
          deliveryId: id,
        });
      }
      if (!RETRYABLE_STATUSES.includes(delivery.status)) {
        throw conflictError(`only failed or dead deliveries can be retried; this one is ${delivery.status}`, { status: delivery.status });
      }
      // A replay must never bring back what a later event replaced or withdrew: the later event counts
      // whatever became of its own delivery (a withdrawal Zalo had nothing to remove for is "skipped").
      const newer = await findNewerEvent(db, { uid: delivery.uid, documentId: delivery.documentId, locale: delivery.locale, sequence: delivery.eventSequence });
      if (newer) {
        throw conflictError(
          `a newer publication event of this document (${newer.type}, sequence ${newer.sequence}) exists for this locale: ` +
            'replaying this older one would overwrite it or bring back what it withdrew',
          { reason: 'superseded', newerEvent: newer },
        );
      }
      const { type } = toJoinedEvent(strapi, row);
      if (type !== 'unpublished') {
        // A content type removed since then has nothing published any more.
        const published = strapi.getModel(delivery.uid) ? await findPublishedVersions(strapi, delivery.uid, delivery.documentId) : [];
        if (!published.some((version) => (version.locale ?? null) === delivery.locale)) {
          throw conflictError('this document is no longer published in this locale: replaying its publication would bring it back; publish it again instead', {
            reason: 'unpublished',
          });
        }
      }
      if (!(await requeueDelivery(db, id, new Date()))) {
        throw conflictError('the delivery changed meanwhile; reload and try again');
      }
      getService(strapi, 'dispatcher').kick();
      return present((await findDelivery(db, id)) as Record<string, unknown>);
    },

    /**
     * Sends many failed or dead deliveries back to the queue (after the cause was fixed): each goes
     * through the same checks as a single retry; those refused are listed with the reason and status.
     * With a filter, every matching delivery of a document `ability` may read (oldest event first, at
     * most MAX_BULK_RETRY).
     */
    async retryMany(
      request: BulkRetryRequest,
      ability: Ability,
    ): Promise<{ retried: PresentedDelivery[]; refused: Array<{ id: number; status: number; message: string; reason: string | null }> }> {
      let ids: number[];
      if ('ids' in request) ids = request.ids;
      else {
        const scope = await readableDocuments(strapi, ability);
        const rows = await listDeliveries(strapi.db.connection, request.filter, scope, { offset: 0, limit: MAX_BULK_RETRY });
        ids = rows.map((row) => toDelivery(row).id).sort((a, b) => a - b);
      }
      const retried: PresentedDelivery[] = [];
      const refused: Array<{ id: number; status: number; message: string; reason: string | null }> = [];
      for (const id of ids) {
        try {
          retried.push(await this.retry(id, ability));
        } catch (error) {
          const failure = error as { status?: unknown; message?: unknown; details?: { reason?: unknown } };
          const name = error instanceof Error ? error.name : '';
          const status = typeof failure.status === 'number' ? failure.status : (STATUS_OF_ERROR[name] ?? null);
          if (status === null || status >= 500) throw error;
          refused.push({ id, status, message: String(failure.message ?? ''), reason: typeof failure.details?.reason === 'string' ? failure.details.reason : null });
        }
      }
      return { retried, refused };
    },

    /** Each channel: enabled, config complete (with the names of what is missing), activity. */
    async channels(): Promise<ChannelView[]> {
      const since = new Date(Date.now() - FAILURE_WINDOW_MS);
      const described = await getService(strapi, 'channels').describeAll();
      const healthService = getService(strapi, 'channel-health');
      const result: ChannelView[] = [];
      for (const { adapter, description } of described) {
        const activity = await channelActivity(strapi.db.connection, adapter.name, since);
        const health = await healthService.assess(adapter, description);
        result.push({
          name: adapter.name,
          label: adapter.label,
          enabled: description.enabled,
          configComplete: description.configComplete,
          missing: description.problems,
          lastSuccessAt: toDate(activity.lastSuccessAt)?.toISOString() ?? null,
          failuresLast24h: activity.failuresSince,
          backlog: activity.pending,
          dead: activity.dead,
          health: health.state,
          healthReason: health.reason,
          healthText: health.text,
          healthSince: await healthService.since(adapter.name, health.state),
        });
      }
      return result;
    },
  };
};
