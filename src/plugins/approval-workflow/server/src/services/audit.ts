import type { Core, UID } from '@strapi/strapi';
import { TRANSITION_UID, type HistoryAction, type Stage } from '../constants';
import type { Recorder } from '../utils/actor';
import type { Target } from './states';
import { NO_LOCALE } from './content';

/** One entry of the audit trail, as stored. */
export type TransitionRow = {
  id: number;
  contentType: string;
  targetDocumentId: string;
  targetLocale: string;
  action: HistoryAction;
  fromStage: Stage | null;
  toStage: Stage | null;
  actorKind: Recorder['kind'];
  actorId: number | null;
  actorFirstname: string | null;
  actorLastname: string | null;
  actorLabel: string | null;
  comment: string | null;
  contentHash: string | null;
  forced: boolean | null;
  approvalCount: number | null;
  requiredApprovals: number | null;
  createdAt: string;
};

export type NewTransition = {
  action: HistoryAction;
  from: Stage | null;
  to: Stage | null;
  comment?: string | null;
  contentHash?: string | null;
  forced?: boolean;
  approvalCount?: number | null;
  requiredApprovals?: number | null;
};

/** The event other plugins receive on `approval-workflow.transition`. */
export type TransitionEvent = {
  uid: UID.ContentType;
  documentId: string;
  locale: string | null;
  action: HistoryAction;
  from: Stage | null;
  to: Stage | null;
  actor: { id: number; firstname: string | null; lastname: string | null } | null;
  actorKind: Recorder['kind'];
  comment: string | null;
  forced: boolean;
  at: string;
};

/**
 * The append-only audit trail. The plugin writes it through the query engine only; the
 * document-service guard refuses every write that comes from anywhere else.
 */
const audit = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(TRANSITION_UID);

  return {
    /** Appends one entry and returns the event describing it. */
    async record(target: Target, entry: NewTransition, recorder: Recorder): Promise<TransitionEvent> {
      const row = (await query().create({
        data: {
          contentType: target.uid,
          targetDocumentId: target.documentId,
          targetLocale: target.locale,
          action: entry.action,
          fromStage: entry.from,
          toStage: entry.to,
          actorKind: recorder.kind,
          actorId: recorder.id,
          actorFirstname: recorder.firstname,
          actorLastname: recorder.lastname,
          actorLabel: recorder.label,
          comment: entry.comment ?? null,
          contentHash: entry.contentHash ?? null,
          forced: entry.forced ?? false,
          approvalCount: entry.approvalCount ?? null,
          requiredApprovals: entry.requiredApprovals ?? null,
        },
      })) as TransitionRow;
      return {
        uid: target.uid,
        documentId: target.documentId,
        locale: target.locale === NO_LOCALE ? null : target.locale,
        action: entry.action,
        from: entry.from,
        to: entry.to,
        actor: recorder.kind === 'admin' && recorder.id !== null ? { id: recorder.id, firstname: recorder.firstname, lastname: recorder.lastname } : null,
        actorKind: recorder.kind,
        comment: entry.comment ?? null,
        forced: entry.forced ?? false,
        at: new Date(row.createdAt).toISOString(),
      };
    },

    /** Every entry of one document locale, oldest first. */
    async list(target: Target): Promise<TransitionRow[]> {
      return (await query().findMany({
        where: { contentType: target.uid, targetDocumentId: target.documentId, targetLocale: target.locale },
        orderBy: [{ id: 'asc' }],
      })) as TransitionRow[];
    },
  };
};

export default audit;
