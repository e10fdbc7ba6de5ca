import type { Core } from '@strapi/strapi';
import type { RequestContext } from '../../../common/http';
import { appService } from '../../../lib/app-services';
import { parseCoverageQuery, parseHistoryQuery } from '../validation';

/** Public coverage KPIs (README: "Coverage"): validate, ask one service, answer. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** `GET /api/coverage?from=&to=&format=json|csv`. */
  async summary(ctx: RequestContext) {
    const query = parseCoverageQuery(ctx.query);
    const coverage = appService(strapi, 'api::coverage.coverage');
    if (query.format === 'csv') {
      ctx.set('Content-Disposition', 'attachment; filename="coverage-gaps.csv"');
      ctx.type = 'text/csv; charset=utf-8';
      ctx.body = await coverage.gapsCsv();
      return;
    }
    ctx.body = await coverage.summary(query);
  },

  /** `GET /api/coverage/history?months=1..120`. */
  async history(ctx: RequestContext) {
    const { months } = parseHistoryQuery(ctx.query);
    ctx.body = await appService(strapi, 'api::coverage.history').months(months);
  },
});
