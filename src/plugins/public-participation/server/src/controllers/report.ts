import type { Core } from '@strapi/strapi';
import { permittedFilters } from '../../../../../common/agency-scope';
import { feedbackService, type ReportOptions } from '../../../../../common/feedback';
import type { RequestContext } from '../../../../../common/http';
import { CONTENT_MANAGER } from '../../../../../common/strapi-actions';
import { CONSULTATION_DRAFT_UID } from '../../../../../common/uids';
import { DEFAULT_REPORT_PLACE, PLUGIN_ID } from '../constants';
import { feedbackScope } from '../utils/scope';
import { parseDocumentIdParam } from '../validation';

/** What the caller may read: the draft (its policy's lead agency) and, within it, the feedback. */
const scopes = (strapi: Core.Strapi, ctx: RequestContext): ReportOptions => ({
  scope: feedbackScope(strapi, ctx),
  draftScope: ctx.state.userAbility ? permittedFilters(strapi, ctx.state.userAbility, CONSULTATION_DRAFT_UID, CONTENT_MANAGER.read) : null,
});

const place = (strapi: Core.Strapi): string => {
  const configured = strapi.config.get(`plugin::${PLUGIN_ID}.reportPlace`);
  return typeof configured === 'string' && configured.trim() ? configured.trim() : DEFAULT_REPORT_PLACE;
};

const attachment = (ctx: RequestContext, documentId: string, extension: 'docx' | 'csv') => {
  // documentId is validated as [A-Za-z0-9]: the filename needs no quoting beyond the quotes.
  ctx.set('Content-Disposition', `attachment; filename="bao-cao-tiep-thu-giai-trinh-${documentId}.${extension}"`);
  ctx.set('Cache-Control', 'no-store');
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** `GET /public-participation/consultation-drafts/:documentId/report.docx`: the báo cáo tổng hợp, tiếp thu, giải trình. */
  async docx(ctx: RequestContext) {
    const documentId = parseDocumentIdParam(ctx.params);
    const buffer = await feedbackService(strapi, 'report').docx(documentId, { ...scopes(strapi, ctx), place: place(strapi) });
    ctx.type = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    attachment(ctx, documentId, 'docx');
    ctx.body = buffer;
  },

  /** `GET /public-participation/consultation-drafts/:documentId/report.csv`: the same table as CSV. */
  async csv(ctx: RequestContext) {
    const documentId = parseDocumentIdParam(ctx.params);
    const csv = await feedbackService(strapi, 'report').csv(documentId, scopes(strapi, ctx));
    ctx.type = 'text/csv; charset=utf-8';
    attachment(ctx, documentId, 'csv');
    ctx.body = csv;
  },
});
