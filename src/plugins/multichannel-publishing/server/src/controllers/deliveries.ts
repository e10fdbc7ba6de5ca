import type { Core } from '@strapi/strapi';
import { auditTrail } from '../../../../../common/audit';
import type { RequestContext } from '../../../../../common/http';
import { forbiddenError } from '../../../../../common/errors';
import type { Ability } from '../utils/document-scope';
import { getService } from '../utils/get-service';
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
});
