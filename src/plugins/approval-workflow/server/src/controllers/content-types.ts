import type { Core } from '@strapi/strapi';
import type { RequestContext } from '../../../../../common/http';
import { getService } from '../utils/get-service';

/** `GET /content-types`: what the workflow covers, so the admin panel shows its panel only there. */
const contentTypes = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: RequestContext) {
    ctx.body = { data: getService(strapi, 'settings').describe() };
  },
});

export default contentTypes;
