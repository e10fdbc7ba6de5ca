import type { Core } from '@strapi/strapi';
import { getService } from '../get-service';
import { parseDocumentIdParam, parsePageQuery } from '../validation';

type AdminCtx = { query: unknown; params: unknown; state: { user?: { email?: string } }; body: unknown };

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** `GET /public-participation/overdue` — the "Góp ý quá hạn / Overdue feedback" list. */
  async overdue(ctx: AdminCtx) {
    const { page, pageSize } = parsePageQuery(ctx.query);
    ctx.body = await getService(strapi, 'agency-work').workQueue({ page, pageSize, viewerEmail: ctx.state.user?.email, overdueOnly: true });
  },

  /** `GET /public-participation/open` — all feedback still owed an answer, own agency first. */
  async open(ctx: AdminCtx) {
    const { page, pageSize } = parsePageQuery(ctx.query);
    ctx.body = await getService(strapi, 'agency-work').workQueue({ page, pageSize, viewerEmail: ctx.state.user?.email, overdueOnly: false });
  },

  /** `GET /public-participation/agency-counts`. */
  async agencyCounts(ctx: AdminCtx) {
    ctx.body = { data: await getService(strapi, 'agency-work').agencyCounts() };
  },

  /** `GET /public-participation/consultation-drafts/:documentId/counts`. */
  async draftCounts(ctx: AdminCtx) {
    const documentId = parseDocumentIdParam(ctx.params);
    ctx.body = { data: await getService(strapi, 'agency-work').draftCounts(documentId) };
  },
});
