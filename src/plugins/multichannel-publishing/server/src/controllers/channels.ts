import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';

type Context = { body: unknown };

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /channels */
  async find(ctx: Context) {
    ctx.body = { data: await getService(strapi, 'deliveries').channels() };
  },
});
