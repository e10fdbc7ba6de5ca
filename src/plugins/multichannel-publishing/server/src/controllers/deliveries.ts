import type { Core } from '@strapi/strapi';
import { auditTrail } from '../../../../../common/audit';
import type { RequestContext } from '../../../../../common/http';
import { forbiddenError } from '../../../../../common/errors';
import type { Ability } from '../utils/document-scope';
import { getService } from '../utils/get-service';
import { parseBulkRetry } from '../validation/bulk-retry';
import { parseDeliveryId, parseListQuery } from '../validation/deliveries';

/** The caller's ability: every admin route has one (Strapi's admin authentication sets it). */
const abilityOf = (ctx: RequestContext): Ability => {
  if (!ctx.state.userAbility) throw forbiddenError('an admin session is required');
  return ctx.state.userAbility;
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /deliveries: only deliveries of documents the caller may read. */
  async find(ctx: RequestContext) {
    const { filters, page, pageSize } = parseListQuery(ctx.query);
    const { results, pagination } = await getService(strapi, 'deliveries').list(filters, { page, pageSize }, abilityOf(ctx));
    ctx.body = { data: results, meta: { pagination } };
  },

  /** POST /deliveries/:id/retry: only a delivery of a document the caller may read (403 otherwise). */
  async retry(ctx: RequestContext) {
    const id = parseDeliveryId(ctx.params);
    const delivery = await getService(strapi, 'deliveries').retry(id, abilityOf(ctx));
    await auditTrail(strapi).record({
      action: 'delivery.retry',
      subject: { type: delivery.event.uid, documentId: delivery.event.documentId, label: delivery.event.title },
      details: { deliveryId: delivery.id, channel: delivery.channel, locale: delivery.event.locale, eventSequence: delivery.event.sequence },
    });
    ctx.body = { data: delivery };
  },

  /**
   * POST /deliveries/retry `{ ids }` or `{ filter }`: each delivery as a single retry would (only
   * documents the caller may read); answers what was queued again and what was refused, and why.
   */
  async retryMany(ctx: RequestContext) {
    const request = parseBulkRetry(ctx.request.body);
    const { retried, refused } = await getService(strapi, 'deliveries').retryMany(request, abilityOf(ctx));
    for (const delivery of retried) {
      await auditTrail(strapi).record({
        action: 'delivery.retry',
        subject: { type: delivery.event.uid, documentId: delivery.event.documentId, label: delivery.event.title },
        details: { deliveryId: delivery.id, channel: delivery.channel, locale: delivery.event.locale, eventSequence: delivery.event.sequence, bulk: true },
      });
    }
    ctx.body = { data: { retried, refused }, meta: { retried: retried.length, refused: refused.length } };
  },
});
