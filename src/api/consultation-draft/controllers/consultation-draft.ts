import { factories } from '@strapi/strapi';
import { notFoundError } from '../../../common/errors';
import { feedbackService } from '../../../common/feedback';
import { CONSULTATION_DRAFT_UID } from '../../../common/uids';
import { appService } from '../../../lib/app-services';
import { parseOutcomeParams } from '../validation';

const isAbsoluteUrl = (value: unknown): value is string => typeof value === 'string' && /^https?:\/\//i.test(value);

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
    // This CMS's public base URL: `PUBLIC_URL` (config/feeds.ts), else the server's own absolute URL.
    const base = [strapi.config.get<string>('feeds.publicUrl', ''), strapi.config.get<string>('server.absoluteUrl', '')].find(isAbsoluteUrl) ?? 'http://localhost';
    const data = await feedbackService(strapi, 'report').publicOutcome(documentId, base);
    if (!data) throw notFoundError('No published outcome for this consultation draft', { documentId });
    ctx.body = { data };
  },
}));
