import type { Core } from '@strapi/strapi';
import { feedbackService } from '../../../../../common/feedback';
import type { RequestContext } from '../../../../../common/http';
import { feedbackScope } from '../utils/scope';
import { parseBulkDispositionBody, parseDispositionBody, parseDocumentIdParam, parsePageQuery } from '../validation';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * `PUT /public-participation/feedbacks/:documentId/disposition` with `{ disposition, explanation?, provision? }`:
   * the feedback and its duplicates within the caller's scope (403 for a feedback the caller may not read).
   */
  async set(ctx: RequestContext) {
    const documentId = parseDocumentIdParam(ctx.params);
    const input = parseDispositionBody(ctx.request.body);
    ctx.body = { data: await feedbackService(strapi, 'dispositions').set(documentId, input, feedbackScope(strapi, ctx)) };
  },

  /** `PUT /public-participation/consultation-drafts/:documentId/dispositions` with `{ feedbackDocumentIds, disposition, explanation?, provision? }`. */
  async bulk(ctx: RequestContext) {
    const documentId = parseDocumentIdParam(ctx.params);
    const input = parseBulkDispositionBody(ctx.request.body);
    ctx.body = { data: await feedbackService(strapi, 'dispositions').bulk(documentId, input, feedbackScope(strapi, ctx)) };
  },

  /** `GET /public-participation/consultation-drafts/:documentId/dispositions`: counts and groups of duplicates, within the caller's scope. */
  async summary(ctx: RequestContext) {
    const documentId = parseDocumentIdParam(ctx.params);
    ctx.body = { data: await feedbackService(strapi, 'dispositions').summary(documentId, feedbackScope(strapi, ctx)) };
  },

  /** `GET /public-participation/consultation-drafts/:documentId/feedbacks?page=&pageSize=`: the list the bulk disposition screen picks from. */
  async items(ctx: RequestContext) {
    const documentId = parseDocumentIdParam(ctx.params);
    const page = parsePageQuery(ctx.query);
    ctx.body = await feedbackService(strapi, 'dispositions').items(documentId, page, feedbackScope(strapi, ctx));
  },
});
