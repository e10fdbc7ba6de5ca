import { factories } from '@strapi/strapi';
import { notFoundError } from '../../../common/errors';
import { feedbackService } from '../../../common/feedback';
import { CONSULTATION_DRAFT_UID } from '../../../common/uids';
import { appService } from '../../../lib/app-services';
import { publicBaseUrl } from '../../../lib/public-base-url';
import { parseOutcomeParams } from '../validation';

/** Every REST read carries the computed `consultationStatus` (server clock), whatever `fields` asked for. */
export default factories.createCoreController(CONSULTATION_DRAFT_UID, ({ strapi }) => ({
  async find(ctx) {
    const result = await super.find(ctx);
    const data = await appService(strapi, CONSULTATION_DRAFT_UID).withConsultationStatus(result.data);
    return { ...result, data };
  },

  async findOne(ctx) {
    const result = await super.findOne(ctx);
    if (!result) return result;
    const data = await appService(strapi, CONSULTATION_DRAFT_UID).withConsultationStatus(result.data);
    return { ...result, data };
  },

  /** `GET /api/consultation-drafts/:documentId/outcome`: the published outcome of the consultation (404 until published). */
  async outcome(ctx) {
    const documentId = parseOutcomeParams(ctx.params);
    const data = await feedbackService(strapi, 'report').publicOutcome(documentId, publicBaseUrl(strapi));
    if (!data) throw notFoundError('No published outcome for this consultation draft', { documentId });
    ctx.body = { data };
  },
}));
