import type { Core } from '@strapi/strapi';
import { ZALO_SIGNATURE_HEADER } from '../constants';
import { RAW_BODY_STATE_KEY } from '../middlewares/public-body';
import { parseSignedZaloEvent } from '../zalo-validation';
import { appService } from '../../../lib/app-services';
import type { RequestContext } from '../../../common/http';


export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** `POST /api/zalo/webhook`: 401 unless signed and fresh; otherwise 200 whatever the message (Zalo retries non-2xx). */
  async receive(ctx: RequestContext) {
    const event = parseSignedZaloEvent(strapi, {
      rawBody: ctx.state[RAW_BODY_STATE_KEY],
      body: ctx.request.body,
      signature: ctx.get(ZALO_SIGNATURE_HEADER) || undefined,
    });
    ctx.body = { data: await appService(strapi, 'api::feedback.zalo').receive(event) };
  },
});
