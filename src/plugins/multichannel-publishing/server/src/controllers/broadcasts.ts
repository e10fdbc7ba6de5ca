import type { Core } from '@strapi/strapi';
import type { RequestContext } from '../../../../../common/http';
import { forbiddenError } from '../../../../../common/errors';
import { getService } from '../utils/get-service';
import { parseBroadcastBody } from '../validation/broadcasts';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** POST /broadcasts: queues the broadcast of a published document's Zalo article (201). */
  async create(ctx: RequestContext) {
    const body = parseBroadcastBody(ctx.request.body);
    if (!ctx.state.userAbility) throw forbiddenError('an admin session is required');
    ctx.status = 201;
    ctx.body = { data: await getService(strapi, 'zalo-broadcasts').request(body, ctx.state.userAbility) };
  },

  /** GET /broadcasts/budget: this month's broadcasts against the limit. */
  async budget(ctx: RequestContext) {
    ctx.body = { data: await getService(strapi, 'zalo-broadcasts').budget() };
  },
});
