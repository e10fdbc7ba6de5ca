import type { Core } from '@strapi/strapi';
import type { RequestContext } from '../../../../../common/http';
import { getService } from '../utils/get-service';
import { parseListQuery } from '../validation';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** `GET /notifications/messages` */
  async find(ctx: RequestContext) {
    const { filters, page, pageSize } = parseListQuery(ctx.query);
    const { data, pagination } = await getService(strapi, 'outbox').list(filters, { page, pageSize });
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { data, meta: { pagination } };
  },
});
