import type { Core } from '@strapi/strapi';
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
    ctx.body = { data: await getService(strapi, 'deliveries').retry(id) };
  },
});
