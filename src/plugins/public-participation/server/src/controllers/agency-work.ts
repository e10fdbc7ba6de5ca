import type { Core } from '@strapi/strapi';
import { feedbackService } from '../../../../../common/feedback';
import type { RequestContext } from '../../../../../common/http';
import { parseDocumentIdParam, parsePageQuery } from '../validation';

const viewerEmail = (ctx: RequestContext) => (typeof ctx.state.user?.email === 'string' ? ctx.state.user.email : undefined);

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** `GET /public-participation/overdue` — the "Góp ý quá hạn / Overdue feedback" list. */
  async overdue(ctx: RequestContext) {
    const { page, pageSize } = parsePageQuery(ctx.query);
    ctx.body = await feedbackService(strapi, 'agency-work').workQueue({ page, pageSize, viewerEmail: viewerEmail(ctx), overdueOnly: true });
  },

  /** `GET /public-participation/open` — all feedback still owed an answer, own agency first. */
  async open(ctx: RequestContext) {
    const { page, pageSize } = parsePageQuery(ctx.query);
    ctx.body = await feedbackService(strapi, 'agency-work').workQueue({ page, pageSize, viewerEmail: viewerEmail(ctx), overdueOnly: false });
  },

  /** `GET /public-participation/agency-counts`. */
  async agencyCounts(ctx: RequestContext) {
    ctx.body = { data: await feedbackService(strapi, 'agency-work').agencyCounts() };
  },

  /** `GET /public-participation/consultation-drafts/:documentId/counts`. */
  async draftCounts(ctx: RequestContext) {
    const documentId = parseDocumentIdParam(ctx.params);
    ctx.body = { data: await feedbackService(strapi, 'agency-work').draftCounts(documentId) };
  },
});
