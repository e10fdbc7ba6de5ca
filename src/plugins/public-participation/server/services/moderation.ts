import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { FeedbackStatus } from '../../../../api/feedback/constants';
import { allowedNextStatuses } from '../../../../api/feedback/moderation';
import { AGENCY_UID, FEEDBACK_UID } from '../../../../common/uids';
import type { TransitionInput } from '../validation';

type HistoryRow = { status: FeedbackStatus; changedAt: string; changedBy?: string | null; note?: string | null };
type ModerationRow = {
  documentId: string;
  status: FeedbackStatus;
  rejectionReason?: string | null;
  respondedAt?: string | null;
  respondingAgency?: { documentId: string; name?: string | null } | null;
  statusHistory?: HistoryRow[];
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const summary = async (documentId: string) => {
    const row = (await strapi.db.query(FEEDBACK_UID).findOne({
      select: ['documentId', 'status', 'rejectionReason', 'respondedAt'],
      where: { documentId },
      populate: { respondingAgency: { select: ['documentId', 'name'] }, statusHistory: true },
    })) as ModerationRow | null;
    if (!row) throw new errors.NotFoundError('Feedback not found');
    return {
      documentId: row.documentId,
      status: row.status,
      allowedNext: [...allowedNextStatuses(row.status)],
      rejectionReason: row.rejectionReason ?? null,
      respondedAt: row.respondedAt ?? null,
      respondingAgency: row.respondingAgency ? { documentId: row.respondingAgency.documentId, name: row.respondingAgency.name ?? null } : null,
      history: (row.statusHistory ?? []).map(({ status, changedAt, changedBy, note }) => ({
        status,
        changedAt,
        changedBy: changedBy ?? null,
        note: note ?? null,
      })),
    };
  };

  return {
    /** Current status, the statuses allowed next and the recorded history (who, when). */
    summary,

    /**
     * Moves a feedback to `status` through the document service, so the same rules hold as in the
     * content manager (allowed transitions, reason, agency, response) and the change is recorded.
     */
    async transition(documentId: string, input: TransitionInput) {
      await summary(documentId);
      if (input.respondingAgency) {
        const agency = await strapi.db.query(AGENCY_UID).findOne({ select: ['id'], where: { documentId: input.respondingAgency } });
        if (!agency) throw new errors.ValidationError('respondingAgency: no agency with this documentId');
      }
      const data: Record<string, unknown> = { status: input.status };
      if (input.rejectionReason !== undefined) data.rejectionReason = input.rejectionReason;
      if (input.respondingAgency !== undefined) data.respondingAgency = input.respondingAgency;
      if (input.response !== undefined) data.response = input.response;
      await strapi.documents(FEEDBACK_UID).update({ documentId, data } as never);
      return summary(documentId);
    },
  };
};
