import type { Core } from '@strapi/strapi';
import type { RequestContext } from '../../../common/http';
import { appService } from '../../../lib/app-services';
import { parseChangesQuery } from '../validation';

/** `GET /api/changes?since=<cursor>&limit=<1..500>`: a page of the change feed. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: RequestContext) {
    const { after, limit } = parseChangesQuery(ctx.query);
    ctx.body = await appService(strapi, 'api::changes.changes').page(after, limit);
  },
});
