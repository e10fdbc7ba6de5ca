import { factories } from '@strapi/strapi';
import { FEEDBACK_UID } from '../../../common/uids';
import { parseIntakeBody, parsePublicListQuery, parseTrackParams } from '../validation';
import { appService } from '../../../lib/app-services';

export default factories.createCoreController(FEEDBACK_UID, ({ strapi }) => ({
  /** `POST /api/feedbacks`: 201 with the receipt, 200 with the earlier receipt for a duplicate. */
  async submit(ctx) {
    const input = parseIntakeBody(ctx.request.body);
    const { created, receipt } = await appService(strapi, 'api::feedback.intake').submit(input, { ip: ctx.request.ip, source: 'web' });
    ctx.status = created ? 201 : 200;
    ctx.body = { data: receipt };
  },

  /** `GET /api/feedbacks/track/:trackingCode`. */
  async track(ctx) {
    const code = parseTrackParams(ctx.params);
    ctx.body = { data: await appService(strapi, 'api::feedback.public-feedback').track(code) };
  },

  /** `GET /api/feedbacks/public?consultationDraft=…` or `?policy=…`. */
  async publicList(ctx) {
    const query = parsePublicListQuery(ctx.query);
    ctx.body = await appService(strapi, 'api::feedback.public-feedback').publicList(query);
  },
}));
