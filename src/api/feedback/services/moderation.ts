import type { Core } from '@strapi/strapi';
import { fieldError, notFoundError } from '../../../common/errors';
import type { FeedbackScope, FeedbackServices, ModerationInput, ModerationStatus } from '../../../common/feedback';
import { AGENCY_UID, FEEDBACK_UID } from '../../../common/uids';
import { allowedNextStatuses } from '../moderation';
import { assertFeedbackInScope } from '../scope';

type HistoryRow = { status: ModerationStatus; changedAt: string; changedBy?: string | null; note?: string | null };
type ModerationRow = {
  documentId: string;
  moderationStatus: ModerationStatus;
  rejectionReason?: string | null;
  respondedAt?: string | null;
  respondingAgency?: { documentId: string; name?: string | null } | null;
  statusHistory?: HistoryRow[];
};

/** The agencies' moderation of one feedback: where it stands, and moving it on. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** The summary of a feedback, whoever asks (callers check the scope first). */
  const load = async (documentId: string) => {
    const row = (await strapi.db.query(FEEDBACK_UID).findOne({
      select: ['documentId', 'moderationStatus', 'rejectionReason', 'respondedAt'],
      where: { documentId },
      populate: { respondingAgency: { select: ['documentId', 'name'] }, statusHistory: true },
    })) as ModerationRow | null;
    if (!row) throw notFoundError('Feedback not found');
    return {
      documentId: row.documentId,
      moderationStatus: row.moderationStatus,
      allowedNext: [...allowedNextStatuses(row.moderationStatus)],
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

  /** 404 for a feedback that does not exist, then 403 for one outside `scope`. */
  const summary = async (documentId: string, scope: FeedbackScope) => {
    const found = await load(documentId);
    await assertFeedbackInScope(strapi, documentId, scope);
    return found;
  };

  return {
    /** Current status, the statuses allowed next and the recorded history (who, when), for a feedback within `scope`. */
    summary,

    /**
     * Moves a feedback to `moderationStatus` through the document service, so the same rules hold
     * as in the content manager (allowed transitions, reason, agency, response) and the change is
     * recorded. Only a feedback within `scope` may be moved; once moved (possibly handed to
     * another agency) its new state is returned to the caller who moved it.
     */
    async transition(documentId: string, input: ModerationInput, scope: FeedbackScope) {
      await summary(documentId, scope);
      if (input.respondingAgency) {
        const agency = await strapi.db.query(AGENCY_UID).findOne({ select: ['id'], where: { documentId: input.respondingAgency } });
        if (!agency) throw fieldError('respondingAgency', 'respondingAgency: no agency with this documentId');
      }
      await strapi.documents(FEEDBACK_UID).update({
        documentId,
        data: {
          moderationStatus: input.moderationStatus,
          ...(input.rejectionReason !== undefined ? { rejectionReason: input.rejectionReason } : {}),
          ...(input.respondingAgency !== undefined ? { respondingAgency: input.respondingAgency } : {}),
          ...(input.response !== undefined ? { response: input.response } : {}),
        },
      });
      return load(documentId);
    },
  } satisfies FeedbackServices['moderation'];
};
