import type { Core } from '@strapi/strapi';
import type { RequestContext } from '../../../../../common/http';
import { getService } from '../utils/get-service';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /channels */
  async find(ctx: RequestContext) {
    ctx.body = { data: await getService(strapi, 'deliveries').channels() };
  },
});
