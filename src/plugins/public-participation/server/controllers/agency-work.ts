import type { Core } from '@strapi/strapi';
import { getService } from '../get-service';
import { parseDocumentIdParam, parsePageQuery } from '../validation';

type AdminCtx = { query: unknown; params: unknown; state: { user?: { email?: string } }; body: unknown };

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** `GET /public-participation/overdue` — the "Góp ý quá hạn / Overdue feedback" list. */
  async overdue(ctx: AdminCtx) {
    const { page, pageSize } = parsePageQuery(ctx.query);
    ctx.body = await getService(strapi, 'agency-work').overdue({ page, pageSize, viewerEmail: ctx.state.user?.email });
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
