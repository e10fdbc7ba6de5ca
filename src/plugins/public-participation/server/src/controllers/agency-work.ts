import type { Core } from '@strapi/strapi';
import { feedbackService } from '../../../../../common/feedback';
import type { RequestContext } from '../../../../../common/http';
import { feedbackScope } from '../utils/scope';
import { parseDocumentIdParam, parsePageQuery } from '../validation';

/** Who is asking: what they may read, and who they are (their agencies come first). */
const viewer = (strapi: Core.Strapi, ctx: RequestContext) => ({
  scope: feedbackScope(strapi, ctx),
  viewerId: Number.isInteger(Number(ctx.state.user?.id)) ? Number(ctx.state.user?.id) : null,
  viewerEmail: typeof ctx.state.user?.email === 'string' ? ctx.state.user.email : undefined,
});

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** `GET /public-participation/overdue` — the "Góp ý quá hạn / Overdue feedback" list. */
  async overdue(ctx: RequestContext) {
    const { page, pageSize } = parsePageQuery(ctx.query);
    ctx.body = await feedbackService(strapi, 'agency-work').workQueue({ page, pageSize, ...viewer(strapi, ctx), overdueOnly: true });
  },

  /** `GET /public-participation/open` — all feedback still owed an answer, own agency first. */
  async open(ctx: RequestContext) {
    const { page, pageSize } = parsePageQuery(ctx.query);
    ctx.body = await feedbackService(strapi, 'agency-work').workQueue({ page, pageSize, ...viewer(strapi, ctx), overdueOnly: false });
  },

  /** `GET /public-participation/agency-counts`: only the feedback the caller may read is counted. */
  async agencyCounts(ctx: RequestContext) {
    ctx.body = { data: await feedbackService(strapi, 'agency-work').agencyCounts(feedbackScope(strapi, ctx)) };
  },

  /** `GET /public-participation/consultation-drafts/:documentId/counts`: only the feedback the caller may read is counted. */
  async draftCounts(ctx: RequestContext) {
    const documentId = parseDocumentIdParam(ctx.params);
    ctx.body = { data: await feedbackService(strapi, 'agency-work').draftCounts(documentId, feedbackScope(strapi, ctx)) };
  },
});
