import type { Core } from '@strapi/strapi';
import type { RequestContext } from '../../../../../common/http';
import { getService } from '../utils/get-service';
import { parsePreferencesBody } from '../validation';

const currentAdminId = (ctx: RequestContext): number => Number(ctx.state.user?.id);

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** `GET /notifications/preferences`: the logged-in admin's own. */
  async find(ctx: RequestContext) {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { data: await getService(strapi, 'preferences').get(currentAdminId(ctx)) };
  },

  /** `PUT /notifications/preferences`: changes the logged-in admin's own. */
  async update(ctx: RequestContext) {
    const changes = parsePreferencesBody(ctx.request.body);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { data: await getService(strapi, 'preferences').update(currentAdminId(ctx), changes) };
  },
});
