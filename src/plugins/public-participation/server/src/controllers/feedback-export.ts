import type { Core } from '@strapi/strapi';
import { auditTrail } from '../../../../../common/audit';
import { feedbackService } from '../../../../../common/feedback';
import type { RequestContext } from '../../../../../common/http';
import { CONSULTATION_DRAFT_UID, FEEDBACK_UID } from '../../../../../common/uids';
import { CONTENT_MANAGER } from '../../../../../common/strapi-actions';
import { PERSONAL_FIELDS } from '../constants';
import { feedbackScope } from '../utils/scope';
import { parseDocumentIdParam } from '../validation';

type Ability = { can: (action: string, subject?: string, field?: string) => boolean };

/**
 * Personal data goes out only to roles whose content-manager read permission on feedback covers
 * the submitter's name, email and phone (Settings → Roles → Feedback → Read → fields).
 */
const mayReadPersonalData = (ability: Ability | undefined) => PERSONAL_FIELDS.every((field) => ability?.can(CONTENT_MANAGER.read, FEEDBACK_UID, field) === true);

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** `GET /feedback-export/consultation-drafts/:documentId.csv`: the rows of the feedback the caller may read. */
  async consultationDraft(ctx: RequestContext) {
    const documentId = parseDocumentIdParam(ctx.params);
    const includePersonalData = mayReadPersonalData(ctx.state.userAbility as Ability | undefined);
    const csv = await feedbackService(strapi, 'export').consultationDraftCsv(documentId, { includePersonalData, scope: feedbackScope(strapi, ctx) });
    // Personal data leaves the server only once the export is in the audit trail (503 otherwise).
    if (includePersonalData) {
      await auditTrail(strapi).recordOrRefuse({
        action: 'feedback.export-personal-data',
        subject: { type: CONSULTATION_DRAFT_UID, documentId },
        details: { format: 'csv', personalFields: [...PERSONAL_FIELDS] },
      });
    }
    ctx.type = 'text/csv; charset=utf-8';
    ctx.set('Content-Disposition', `attachment; filename="gop-y-du-thao-${documentId}.csv"`);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = csv;
  },
});
