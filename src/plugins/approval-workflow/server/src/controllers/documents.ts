import type { Core } from '@strapi/strapi';
import type { RequestContext } from '../../../../../common/http';
import { adminActorFromState } from '../utils/actor';
import { getService } from '../utils/get-service';
import { documentParamsSchema, documentQuerySchema, parseOrThrow, transitionBodySchema } from '../validation/documents';
import { requireActor } from './require-actor';

/** `GET /documents/:uid/:documentId` and `POST /documents/:uid/:documentId/transitions`. */
const documents = ({ strapi }: { strapi: Core.Strapi }) => ({
  async findOne(ctx: RequestContext) {
    const { uid, documentId } = parseOrThrow(documentParamsSchema, ctx.params);
    const { locale } = parseOrThrow(documentQuerySchema, ctx.query);
    const actor = requireActor(adminActorFromState(strapi, ctx.state));
    ctx.body = { data: await getService(strapi, 'workflow').getStatus(uid, documentId, locale, actor) };
  },

  async transition(ctx: RequestContext) {
    const { uid, documentId } = parseOrThrow(documentParamsSchema, ctx.params);
    const body = parseOrThrow(transitionBodySchema, ctx.request.body);
    const locale = body.locale ?? parseOrThrow(documentQuerySchema, ctx.query).locale;
    const actor = requireActor(adminActorFromState(strapi, ctx.state));
    ctx.body = { data: await getService(strapi, 'workflow').transition(uid, documentId, { ...body, locale }, actor) };
  },
});

export default documents;
