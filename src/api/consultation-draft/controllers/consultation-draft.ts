import { factories } from '@strapi/strapi';
import { CONSULTATION_DRAFT_UID } from '../../../common/uids';
import { appService } from '../../../lib/app-services';

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
}));
