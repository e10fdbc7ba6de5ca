import type { Core, UID } from '@strapi/strapi';
import {
  HASH_BOUND_STAGES,
  INITIAL_STAGE,
  TRANSITION_EVENT,
  VOID_COMMENT,
  type Stage,
  type UserAction,
} from '../constants';
import {
  allowedActions,
  decide,
  effectiveStage,
  isFullyApproved,
  missingPermission,
  nextStepIndex,
  stepApprovals,
  type WorkflowSnapshot,
} from '../domain/state-machine';
import { approvalView, nextStepView, stepViews } from '../domain/step-views';
import type { CoveredContentType } from '../domain/config';
import { recorderFromActor, type AdminActor, type Recorder } from '../utils/actor';
import { auditTrail } from '../../../../../common/audit';
import { conflictError, forbiddenError, notFoundError } from '../../../../../common/errors';
import { CONTENT_MANAGER } from '../../../../../common/strapi-actions';
import type { DocumentStatus, HistoryEntry, Person, TransitionResult } from '../../../contracts';
import type { Approval } from '../domain/state-machine';
import { getService } from '../utils/get-service';
import { trustedReason } from '../utils/trust';
import type { TransitionEvent, TransitionRow } from './audit';
import { NO_LOCALE } from './content';
import type { StateRow, Target } from './states';

type OnCommit = (callback: () => void) => void;

export type TransitionInput = { action: UserAction; comment?: string; locale?: string };

const person = (id: number | null, firstname: string | null, lastname: string | null): Person | null =>
  id === null ? null : { id, firstname, lastname };

const historyEntry = (row: TransitionRow, steps: CoveredContentType['steps']): HistoryEntry => ({
  action: row.action,
  from: row.fromStage,
  to: row.toStage,
  actor: row.actorKind === 'admin' ? person(row.actorId, row.actorFirstname, row.actorLastname) : null,
  actorKind: row.actorKind,
  comment: row.comment,
  forced: Boolean(row.forced),
  approvalCount: row.approvalCount,
  requiredApprovals: row.requiredApprovals,
  // An approval's count is its position: the step it took, under the steps configured now.
  step: row.action === 'approve' && row.approvalCount ? steps[row.approvalCount - 1] ?? null : null,
  contentHash: row.contentHash,
  at: new Date(row.createdAt).toISOString(),
});

const snapshotOf = (state: StateRow | null, steps: CoveredContentType['steps']): WorkflowSnapshot => {
  const approvals = state?.approvals ?? [];
  return {
    stage: effectiveStage(state?.stage ?? INITIAL_STAGE, steps, approvals),
    submittedById: state?.submittedById ?? null,
    approvals,
    steps,
  };
};

/** The steps part of an answer: each step with who took it, and the next one. */
const stepsPart = (stage: Stage, steps: CoveredContentType['steps'], approvals: Approval[]) => ({
  requiredApprovals: steps.length,
  steps: stepViews(steps, approvals),
  nextStep: nextStepView(stage, steps, approvals),
  approvals: approvals.map(approvalView),
});

const describeLocale = (locale: string) => (locale === NO_LOCALE ? '' : ` (locale ${locale})`);

/**
 * The approval workflow itself: stage transitions asked for by people, and the consequences of
 * content changes (voided approvals, publications) recorded by the document-service guard.
 */
const workflow = ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => getService(strapi, 'settings');
  const content = () => getService(strapi, 'content');
  const states = () => getService(strapi, 'states');
  const audit = () => getService(strapi, 'audit');

  /** Runs `fn` in a transaction (joining the caller's, if any); events go out only after commit. */
  const inTransaction = async <T>(fn: (onCommit: OnCommit) => Promise<T>): Promise<T> =>
    (await strapi.db.transaction(async ({ onCommit }) => fn(onCommit))) as T;

  const emitAfterCommit = (onCommit: OnCommit, events: TransitionEvent[]) => {
    if (events.length === 0) return;
    onCommit(() => {
      for (const event of events) {
        strapi.eventHub.emit(TRANSITION_EVENT, event).catch((error: unknown) => {
          strapi.log.error(`[approval-workflow] a ${TRANSITION_EVENT} listener failed: ${String(error)}`);
        });
      }
    });
  };

  /**
   * Resolves and checks the document an admin asks about: covered type, readable, existing. A
   * document the actor may not read under their conditions (another agency's) is a 404 with the
   * same message as a missing one, so its existence does not leak.
   */
  const resolveTarget = async (requestedUid: string, documentId: string, locale: string | undefined, actor: AdminActor) => {
    const covered = settings().require(requestedUid);
    const { uid } = covered;
    if (!actor.canOn(CONTENT_MANAGER.read, uid)) {
      throw forbiddenError(`You are not allowed to read ${uid} documents`);
    }
    const target: Target = { uid, documentId, locale: await content().resolveLocale(uid, locale) };
    const notFound = () => notFoundError(`Document ${documentId}${describeLocale(target.locale)} of ${uid} not found`);
    if (!(await content().exists(uid, documentId, target.locale))) throw notFound();
    // Outside the caller's read conditions (another agency's document): 403 like the content manager, saying why.
    if (!(await actor.readableDocumentIds(uid, [documentId])).has(documentId)) {
      throw forbiddenError(`Document ${documentId}${describeLocale(target.locale)} of ${uid} is outside what your role may read (e.g. another agency's)`);
    }
    return { covered, target };
  };

  return {
    /** The stage, approvals, history and the caller's possible actions for one document locale (`uid` as requested: 404 unless covered). */
    async getStatus(uid: string, documentId: string, locale: string | undefined, actor: AdminActor): Promise<DocumentStatus> {
      const { covered, target } = await resolveTarget(uid, documentId, locale, actor);
      const [state, history, published] = await Promise.all([
        states().find(target),
        audit().list(target),
        content().isPublished(target.uid, documentId, target.locale),
      ]);
      const snapshot = snapshotOf(state, covered.steps);
      return {
        uid,
        documentId,
        locale: target.locale === NO_LOCALE ? null : target.locale,
        stage: snapshot.stage,
        ...stepsPart(snapshot.stage, covered.steps, snapshot.approvals),
        submittedBy: state?.submittedById ? { id: state.submittedById } : null,
        published,
        canPublish: snapshot.stage === 'approved',
        allowedActions: allowedActions(snapshot, actor),
        history: history.map((row) => historyEntry(row, covered.steps)),
      };
    },

    /** Applies one transition asked for through the admin API (`uid` as requested: 404 unless covered); returns the new stage. */
    async transition(uid: string, documentId: string, input: TransitionInput, actor: AdminActor): Promise<TransitionResult> {
      const lacking = missingPermission(input.action, actor);
      if (lacking) throw forbiddenError(`You need the permission ${lacking} to ${input.action} a document`);
      const { covered, target } = await resolveTarget(uid, documentId, input.locale, actor);
      const recorder = recorderFromActor(actor);

      const result = await inTransaction(async (onCommit) => {
        const [state, hash] = await Promise.all([states().find(target), content().hashDraft(target.uid, documentId, target.locale)]);
        const snapshot = snapshotOf(state, covered.steps);
        const now = new Date();
        const decision = decide(snapshot, input.action, actor, now);
        if (!decision.ok) {
          if (decision.kind === 'forbidden') throw forbiddenError(decision.message);
          throw conflictError(decision.message, { stage: snapshot.stage, allowedActions: decision.allowedActions });
        }
        // Approvals attach to the submitted content; a change that bypassed the document service
        // (direct database write) must not be approved unseen.
        if (input.action === 'approve' && state?.contentHash && state.contentHash !== hash) {
          throw conflictError('The document changed since it was submitted; it must be submitted again before approval.', {
            stage: snapshot.stage,
            allowedActions: [],
          });
        }
        await states().save(
          target,
          state,
          {
            stage: decision.to,
            submittedById: decision.submittedById,
            submittedAt: input.action === 'submit' ? now.toISOString() : state?.submittedAt ?? null,
            approvals: decision.approvals,
            contentHash: hash,
            lastAction: input.action,
            stageChanged: decision.to !== snapshot.stage,
          },
          now,
        );
        const event = await audit().record(
          target,
          {
            action: input.action,
            from: snapshot.stage,
            to: decision.to,
            comment: input.comment ?? null,
            contentHash: hash,
            forced: input.action === 'force-approve',
            approvalCount: decision.approvals.length,
            requiredApprovals: covered.steps.length,
          },
          recorder,
        );
        // In this transaction: the e-mails exist exactly when the transition does.
        await getService(strapi, 'notifier').afterTransition({
          target,
          action: input.action,
          after: { stage: decision.to, submittedById: decision.submittedById, approvals: decision.approvals, steps: covered.steps },
          authorId: state?.submittedById ?? decision.submittedById ?? null,
          actorId: actor.id,
          comment: input.comment ?? null,
          at: event.at,
        });
        emitAfterCommit(onCommit, [event]);
        return { stage: decision.to, ...stepsPart(decision.to, covered.steps, decision.approvals) };
      });
      // After commit: the audit insert must not abort the transition's transaction if it fails.
      if (input.action === 'force-approve') {
        await auditTrail(strapi).record({
          action: 'approval.force-approve',
          subject: { type: target.uid, documentId },
          details: { locale: target.locale === NO_LOCALE ? null : target.locale, reason: input.comment ?? null, stage: result.stage },
        });
      }
      return result;
    },

    /**
     * Sends back to `draft` every locale of the document whose submitted or approved content no
     * longer matches its draft, recording "approval voided by edit". Call inside the write's transaction.
     */
    async voidChangedApprovals(uid: UID.ContentType, documentId: string, recorder: Recorder): Promise<void> {
      const covered = settings().find(uid);
      if (!covered) return;
      await inTransaction(async (onCommit) => {
        const rows = (await states().findForDocument(uid, documentId)).filter((row) => HASH_BOUND_STAGES.includes(row.stage));
        const events: TransitionEvent[] = [];
        for (const state of rows) {
          const target: Target = { uid, documentId, locale: state.targetLocale ?? NO_LOCALE };
          const hash = await content().hashDraft(uid, documentId, target.locale);
          if (hash === state.contentHash) continue;
          const now = new Date();
          await states().save(
            target,
            state,
            { stage: 'draft', submittedById: null, submittedAt: null, approvals: [], contentHash: null, lastAction: 'void', stageChanged: true },
            now,
          );
          events.push(
            await audit().record(
              target,
              { action: 'void', from: state.stage, to: 'draft', comment: VOID_COMMENT, contentHash: hash, requiredApprovals: covered.steps.length },
              recorder,
            ),
          );
        }
        emitAfterCommit(onCommit, events);
      });
    },

    /**
     * Refuses (409) to publish locales that are not approved, or whose draft is no longer the
     * approved content. Lifted inside `runTrusted`.
     */
    async assertPublishable(uid: UID.ContentType, documentId: string, locales: string[]): Promise<void> {
      const covered = settings().find(uid);
      if (!covered || trustedReason() !== null) return;
      for (const locale of locales) {
        const target: Target = { uid, documentId, locale };
        const state = await states().find(target);
        const approvals = state?.approvals ?? [];
        // Publishing needs every step (or a forced approval), even if the stored stage says approved.
        const stage: Stage = effectiveStage(state?.stage ?? INITIAL_STAGE, covered.steps, approvals);
        const missing = isFullyApproved(covered.steps, approvals) ? null : covered.steps[nextStepIndex(covered.steps, approvals) ?? 0];
        const details = {
          code: 'APPROVAL_REQUIRED',
          uid,
          documentId,
          locale: locale || null,
          stage,
          approvals: approvals.length,
          requiredApprovals: covered.steps.length,
          nextStep: missing,
        };
        if (stage !== 'approved') {
          throw conflictError(
            `This document needs approval before it can be published${describeLocale(locale)}: its current stage is "${stage}" ` +
              `(${stepApprovals(covered.steps, approvals).filter(Boolean).length} of ${covered.steps.length} steps done` +
              `${missing ? `; next: the ${missing} step` : ''}). / Văn bản cần được phê duyệt trước khi xuất bản ` +
              `(giai đoạn hiện tại: "${stage}").`,
            details,
          );
        }
        const hash = await content().hashDraft(uid, documentId, locale);
        if (hash !== state?.contentHash) {
          throw conflictError(
            `This document changed after it was approved${describeLocale(locale)}; it needs approval again before it can be published. ` +
              '/ Văn bản đã thay đổi sau khi được phê duyệt; cần phê duyệt lại trước khi xuất bản.',
            { ...details, code: 'APPROVAL_OUTDATED' },
          );
        }
      }
    },

    /** Records publish / unpublish / delete of document locales (stage unchanged, or forgotten on delete). */
    async recordContentAction(
      uid: UID.ContentType,
      documentId: string,
      action: 'publish' | 'unpublish' | 'delete',
      locales: string[],
      recorder: Recorder,
    ): Promise<void> {
      const covered = settings().find(uid);
      if (!covered || locales.length === 0) return;
      const reason = trustedReason();
      await inTransaction(async (onCommit) => {
        const events: TransitionEvent[] = [];
        for (const locale of locales) {
          const target: Target = { uid, documentId, locale };
          const state = await states().find(target);
          const stage: Stage = state?.stage ?? INITIAL_STAGE;
          const forced = action === 'publish' && reason !== null && stage !== 'approved';
          if (state && action !== 'delete') {
            await states().save(
              target,
              state,
              {
                stage: state.stage,
                submittedById: state.submittedById,
                approvals: state.approvals ?? [],
                contentHash: state.contentHash,
                lastAction: action,
                stageChanged: false,
              },
              new Date(),
            );
          }
          events.push(
            await audit().record(
              target,
              {
                action,
                from: stage,
                to: action === 'delete' ? null : stage,
                comment: forced ? `trusted publish without approval: ${reason}` : null,
                forced,
                contentHash: state?.contentHash ?? null,
                requiredApprovals: covered.steps.length,
              },
              recorder,
            ),
          );
        }
        if (action === 'delete') await states().remove(uid, documentId, locales);
        emitAfterCommit(onCommit, events);
      });
    },
  };
};

export default workflow;
