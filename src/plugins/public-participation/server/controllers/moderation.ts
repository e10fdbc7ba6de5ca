import type { Core } from '@strapi/strapi';
import { getService } from '../get-service';
import { parseDocumentIdParam, parseTransitionBody } from '../validation';

type AdminCtx = { params: unknown; request: { body?: unknown }; body: unknown };

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** `GET /public-participation/feedbacks/:documentId/moderation`. */
  async summary(ctx: AdminCtx) {
    ctx.body = { data: await getService(strapi, 'moderation').summary(parseDocumentIdParam(ctx.params)) };
  },

  /** `POST /public-participation/feedbacks/:documentId/transition` with `{ status, rejectionReason?, respondingAgency?, response? }`. */
  async transition(ctx: AdminCtx) {
    const documentId = parseDocumentIdParam(ctx.params);
    const input = parseTransitionBody(ctx.request.body);
    ctx.body = { data: await getService(strapi, 'moderation').transition(documentId, input) };
  },
});
