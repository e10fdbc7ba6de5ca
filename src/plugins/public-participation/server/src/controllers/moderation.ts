import type { Core } from '@strapi/strapi';
import { feedbackService } from '../../../../../common/feedback';
import type { RequestContext } from '../../../../../common/http';
import { parseDocumentIdParam, parseTransitionBody } from '../validation';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** `GET /public-participation/feedbacks/:documentId/moderation`. */
  async summary(ctx: RequestContext) {
    ctx.body = { data: await feedbackService(strapi, 'moderation').summary(parseDocumentIdParam(ctx.params)) };
  },

  /** `POST /public-participation/feedbacks/:documentId/transition` with `{ moderationStatus, rejectionReason?, respondingAgency?, response? }`. */
  async transition(ctx: RequestContext) {
    const documentId = parseDocumentIdParam(ctx.params);
    const input = parseTransitionBody(ctx.request.body);
    ctx.body = { data: await feedbackService(strapi, 'moderation').transition(documentId, input) };
  },
});
