import type { Core } from '@strapi/strapi';
import { CONTENT_MANAGER } from '../../../../../common/strapi-actions';
import type { Awaiting, InboxFilters, InboxItem, InboxPagination } from '../../../contracts';
import { PERMISSIONS, type Stage } from '../constants';
import { allowedActions, awaitsReviewFrom, effectiveStage, type WorkflowSnapshot } from '../domain/state-machine';
import { nextStepView } from '../domain/step-views';
import { DEFAULT_STEPS, type StepKey } from '../constants';
import type { AdminActor } from '../utils/actor';
import { forbiddenError } from '../../../../../common/errors';
import { getService } from '../utils/get-service';
import { NO_LOCALE } from './content';
import type { StateRow } from './states';

const INBOX_STAGES: Stage[] = ['in-review', 'changes-requested', 'draft', 'approved'];

export type InboxQuery = { contentType?: string; stage?: Stage; page: number; pageSize: number };

export type { Awaiting };

/**
 * The documents waiting for an action the caller may take, oldest first: in review (for those
 * holding the role of its next step, unless they submitted it or took an earlier step), sent back (for submitters),
 * and approved but not yet published (for those who may publish that content type). Only documents
 * the caller may read under their conditions ("in my agency") are listed.
 */
const inbox = ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => getService(strapi, 'settings');
  const states = () => getService(strapi, 'states');
  const content = () => getService(strapi, 'content');

  const awaitingFor = (row: StateRow, snapshot: WorkflowSnapshot, actor: AdminActor): Awaiting | null => {
    switch (snapshot.stage) {
      case 'in-review':
        return awaitsReviewFrom(snapshot, actor) ? 'review' : null;
      case 'changes-requested':
      case 'draft':
        return actor.can(PERMISSIONS.submit) ? 'resubmission' : null;
      case 'approved':
        // Freshly approved only: once published (or deliberately unpublished) it waits for nobody.
        return (row.lastAction === 'approve' || row.lastAction === 'force-approve') &&
          actor.canOn(CONTENT_MANAGER.publish, row.contentType)
          ? 'publication'
          : null;
      default:
        return null;
    }
  };

  return {
    /** One page of the caller's inbox, with the filter options the admin page offers. */
    async list(actor: AdminActor, query: InboxQuery): Promise<{ results: InboxItem[]; pagination: InboxPagination; filters: InboxFilters }> {
      const readable = settings()
        .list()
        .filter((entry) => actor.canOn(CONTENT_MANAGER.read, entry.uid));
      const workflowAllowed = Object.values(PERMISSIONS).some((permission) => actor.can(permission));
      const publishAllowed = readable.some((entry) => actor.canOn(CONTENT_MANAGER.publish, entry.uid));
      if (!workflowAllowed && !publishAllowed) {
        throw forbiddenError('You have no approval-workflow permission');
      }
      const stepsOf = new Map<string, readonly StepKey[]>(readable.map((entry) => [entry.uid, entry.steps]));
      const uids = readable.map((entry) => entry.uid).filter((uid) => !query.contentType || uid === query.contentType);
      const stages: Stage[] = INBOX_STAGES.filter(
        (stage) => !query.stage || stage === query.stage,
      );

      // Stored `approved` may be back in review (a step was added since): read both, filter on the stage decided on.
      const storedStages = stages.includes('in-review') && !stages.includes('approved') ? [...stages, 'approved' as const] : stages;
      const rows = await states().findInStages(storedStages, uids);
      const waiting = rows
        .map((row) => {
          const steps = stepsOf.get(row.contentType) ?? DEFAULT_STEPS;
          const approvals = row.approvals ?? [];
          const snapshot: WorkflowSnapshot = {
            stage: effectiveStage(row.stage, steps, approvals),
            submittedById: row.submittedById,
            approvals,
            steps,
          };
          return { row, snapshot, awaiting: stages.includes(snapshot.stage) ? awaitingFor(row, snapshot, actor) : null };
        })
        .filter((item): item is typeof item & { awaiting: Awaiting } => item.awaiting !== null);

      // Only documents the actor may read under their conditions ("in my agency"): one query per type.
      const readableKeys = new Set<string>();
      for (const uid of new Set(waiting.map((item) => item.row.contentType))) {
        const documentIds = waiting.filter((item) => item.row.contentType === uid).map((item) => item.row.targetDocumentId);
        for (const documentId of await actor.readableDocumentIds(uid, documentIds)) readableKeys.add(`${uid}|${documentId}`);
      }
      const visible = waiting.filter(({ row }) => readableKeys.has(`${row.contentType}|${row.targetDocumentId}`));

      const titles = new Map<string, string>();
      for (const uid of new Set(visible.map((item) => item.row.contentType))) {
        const documentIds = visible.filter((item) => item.row.contentType === uid).map((item) => item.row.targetDocumentId);
        for (const [key, title] of await content().titles(uid, documentIds)) titles.set(`${uid}|${key}`, title);
      }
      // A document deleted outside the guard (direct database write) has no title row: skip it.
      const existing = visible.filter(({ row }) => titles.has(`${row.contentType}|${row.targetDocumentId}|${row.targetLocale ?? NO_LOCALE}`));

      const start = (query.page - 1) * query.pageSize;
      const results: InboxItem[] = existing.slice(start, start + query.pageSize).map(({ row, snapshot, awaiting }) => ({
        uid: row.contentType,
        contentTypeName: (strapi.getModel(row.contentType) as { info?: { displayName?: string } } | undefined)?.info?.displayName ?? row.contentType,
        documentId: row.targetDocumentId,
        locale: row.targetLocale === NO_LOCALE ? null : row.targetLocale,
        title: titles.get(`${row.contentType}|${row.targetDocumentId}|${row.targetLocale ?? NO_LOCALE}`) ?? row.targetDocumentId,
        stage: snapshot.stage,
        awaiting,
        approvalCount: snapshot.approvals.length,
        requiredApprovals: snapshot.steps.length,
        nextStep: snapshot.stage === 'in-review' ? nextStepView(snapshot.stage, snapshot.steps, snapshot.approvals) : null,
        submittedBy: row.submittedById ? { id: row.submittedById } : null,
        waitingSince: row.stageChangedAt ? new Date(row.stageChangedAt).toISOString() : null,
        allowedActions: allowedActions(snapshot, actor),
      }));

      return {
        results,
        pagination: {
          page: query.page,
          pageSize: query.pageSize,
          total: existing.length,
          pageCount: Math.max(Math.ceil(existing.length / query.pageSize), 1),
        },
        filters: {
          contentTypes: settings()
            .describe()
            .filter((entry) => readable.some((candidate) => candidate.uid === entry.uid))
            .map(({ uid, displayName }) => ({ uid, displayName })),
          stages: INBOX_STAGES,
        },
      };
    },
  };
};

export default inbox;
