import type { Core } from '@strapi/strapi';
import { auditTrail } from '../../../../../common/audit';
import type { RequestContext } from '../../../../../common/http';
import { getService } from '../utils/get-service';
import { parseDeliveryId, parseListQuery } from '../validation/deliveries';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /deliveries */
  async find(ctx: RequestContext) {
    const { filters, page, pageSize } = parseListQuery(ctx.query);
    const { results, pagination } = await getService(strapi, 'deliveries').list(filters, { page, pageSize });
    ctx.body = { data: results, meta: { pagination } };
  },

  /** POST /deliveries/:id/retry */
  async retry(ctx: RequestContext) {
    const id = parseDeliveryId(ctx.params);
    const delivery = await getService(strapi, 'deliveries').retry(id);
    await auditTrail(strapi).record({
      action: 'delivery.retry',
      subject: { type: delivery.event.uid, documentId: delivery.event.documentId, label: delivery.event.title },
      details: { deliveryId: delivery.id, channel: delivery.channel, locale: delivery.event.locale, eventSequence: delivery.event.sequence },
    });
    ctx.body = { data: delivery };
  },
});
