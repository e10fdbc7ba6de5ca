import type { Core } from '@strapi/strapi';
import type { RequestContext } from '../../../../../common/http';
import { adminActorFromState } from '../utils/actor';
import { getService } from '../utils/get-service';
import { inboxQuerySchema, parseOrThrow } from '../validation/documents';
import { requireActor } from './require-actor';

/** `GET /inbox`. */
const inbox = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: RequestContext) {
    const query = parseOrThrow(inboxQuerySchema, ctx.query);
    const actor = requireActor(adminActorFromState(strapi, ctx.state));
    const { results, pagination, filters } = await getService(strapi, 'inbox').list(actor, query);
    ctx.body = { data: results, meta: { pagination, filters } };
  },
});

export default inbox;
