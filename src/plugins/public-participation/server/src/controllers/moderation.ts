import type { Core } from '@strapi/strapi';
import { feedbackService } from '../../../../../common/feedback';
import type { RequestContext } from '../../../../../common/http';
import { feedbackScope } from '../utils/scope';
import { parseDocumentIdParam, parseTransitionBody } from '../validation';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** `GET /public-participation/feedbacks/:documentId/moderation` (403 for a feedback the caller may not read). */
  async summary(ctx: RequestContext) {
    const documentId = parseDocumentIdParam(ctx.params);
    ctx.body = { data: await feedbackService(strapi, 'moderation').summary(documentId, feedbackScope(strapi, ctx)) };
  },

  /**
   * `POST /public-participation/feedbacks/:documentId/transition` with `{ moderationStatus, rejectionReason?, respondingAgency?, response? }`
   * (403 for a feedback the caller may not read).
   */
  async transition(ctx: RequestContext) {
    const documentId = parseDocumentIdParam(ctx.params);
    const input = parseTransitionBody(ctx.request.body);
    ctx.body = { data: await feedbackService(strapi, 'moderation').transition(documentId, input, feedbackScope(strapi, ctx)) };
  },
});
