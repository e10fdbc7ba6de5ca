import type { Core } from '@strapi/strapi';
import { APPROVAL_TOPICS, notifications, type NotificationRequest } from '../../../../../common/notifications';
import { ROLES, type StepKey, type UserAction } from '../constants';
import { awaitsReviewFrom, nextStepIndex, stepRoleCode, type WorkflowSnapshot } from '../domain/state-machine';
import { adminActorFromState } from '../utils/actor';
import { getService } from '../utils/get-service';
import { NO_LOCALE } from './content';
import type { Target } from './states';

type AdminUser = { id: number; email: string | null; firstname: string | null; lastname: string | null; roles: Array<{ code: string }> };

export type TransitionNotice = {
  target: Target;
  action: UserAction;
  /** The workflow after the transition (stage, approvals, steps, submitter). */
  after: WorkflowSnapshot;
  /** Who submitted the document (the author), as it stood before the transition. */
  authorId: number | null;
  actorId: number;
  comment: string | null;
  /** When the transition was recorded (ISO): makes each message's dedupe key unique to this transition. */
  at: string;
};

// There is no settings page yet: the footer names the API the admin's own session may call.
const FOOTER = 'Thư tự động, vui lòng không trả lời. / Automatic e-mail, please do not reply.\n' +
  'Tắt các thư này (khi đã đăng nhập trang quản trị): PUT /notifications/preferences. / Switch these e-mails off (signed in to the admin panel): PUT /notifications/preferences.';

const fullName = (user: { firstname: string | null; lastname: string | null }): string =>
  [user.lastname, user.firstname].filter(Boolean).join(' ').trim() || '—';

/**
 * E-mails to editors and reviewers about the approval workflow, written to the notification outbox
 * inside the transition's own transaction (through the kernel's contract, never the notifications
 * plugin itself): a committed transition always has its e-mails, a refused or rolled-back one never.
 * - submitted (or a step approved, the next still due) → every admin user who may take the next step
 *   on that document: holds the step's role and the approve permission, did not submit it nor take
 *   an earlier step (the inbox's rule), and may read it under their conditions (their agency);
 * - approved (or force-approved) → the author (the submitter);
 * - changes requested → the author, with the reviewer's comment.
 * Nobody is told about their own action. Without the notifications plugin nothing is written.
 */
const notifier = ({ strapi }: { strapi: Core.Strapi }) => {
  const activeAdmins = async (where: Record<string, unknown> = {}): Promise<AdminUser[]> =>
    (await strapi.db.query('admin::user').findMany({ where: { isActive: true, blocked: false, ...where }, populate: ['roles'] })) as AdminUser[];

  const reviewersOf = async (target: Target, after: WorkflowSnapshot): Promise<AdminUser[]> => {
    const index = nextStepIndex(after.steps, after.approvals);
    if (index === null) return [];
    const roleCode = stepRoleCode(after.steps[index]);
    const candidates = (await activeAdmins()).filter((user) => user.email && user.roles.some((role) => role.code === roleCode));
    const reviewers: AdminUser[] = [];
    // One at a time: inside the transition's transaction SQLite has a single connection.
    for (const user of candidates) {
      const userAbility = await strapi.service('admin::permission').engine.generateUserAbility(user);
      const actor = adminActorFromState(strapi, { user, userAbility });
      if (!actor || !awaitsReviewFrom(after, actor)) continue;
      if ((await actor.readableDocumentIds(target.uid, [target.documentId])).has(target.documentId)) reviewers.push(user);
    }
    return reviewers;
  };

  const describe = async (target: Target) => {
    const titles = await getService(strapi, 'content').titles(target.uid, [target.documentId]);
    const title = titles.get(`${target.documentId}|${target.locale}`) ?? target.documentId;
    const model = strapi.getModel(target.uid) as { info?: { displayName?: string } } | undefined;
    const locale = target.locale === NO_LOCALE ? '' : ` [${target.locale}]`;
    return { title, typeName: model?.info?.displayName ?? target.uid, locale };
  };

  const base = (notice: TransitionNotice, kind: keyof typeof APPROVAL_TOPICS, user: AdminUser): Omit<NotificationRequest, 'subject' | 'text'> => ({
    channel: 'email',
    topic: APPROVAL_TOPICS[kind],
    dedupeKey: `approval:${notice.target.uid}:${notice.target.documentId}:${notice.target.locale}:${kind}:${notice.at}:${user.id}`,
    recipient: user.email ?? '',
    recipientAdminId: user.id,
    subjectType: notice.target.uid,
    subjectDocumentId: notice.target.documentId,
  });

  return {
    /** Writes the e-mails one transition causes; call inside the transition's transaction. */
    async afterTransition(notice: TransitionNotice): Promise<void> {
      const outbox = notifications(strapi);
      if (!outbox) return;
      const { action, after } = notice;
      const messages: NotificationRequest[] = [];

      if (after.stage === 'in-review' && (action === 'submit' || action === 'approve')) {
        const reviewers = (await reviewersOf(notice.target, after)).filter((user) => user.id !== notice.actorId);
        if (reviewers.length > 0) {
          const { title, typeName, locale } = await describe(notice.target);
          const index = nextStepIndex(after.steps, after.approvals) ?? 0;
          const step: StepKey = after.steps[index];
          const stepLabel = `${ROLES[step].label.vi} / ${ROLES[step].label.en}`;
          for (const user of reviewers) {
            messages.push({
              ...base(notice, 'reviewRequested', user),
              subject: `Cần duyệt / Review needed: ${title}`,
              text: [
                `Xin chào ${fullName(user)},`,
                '',
                `Văn bản "${title}"${locale} (${typeName}) đang chờ bạn duyệt (bước ${index + 1}/${after.steps.length}: ${stepLabel}).`,
                `The document "${title}"${locale} (${typeName}) is waiting for your review (step ${index + 1} of ${after.steps.length}: ${stepLabel}).`,
                '',
                'Xem trong trang quản trị: Duyệt văn bản. / See it in the admin panel: Approvals.',
                '',
                FOOTER,
              ].join('\n'),
            });
          }
        }
      }

      const authorTold = (action === 'approve' || action === 'force-approve') && after.stage === 'approved' ? 'approved' : action === 'request-changes' ? 'changes-requested' : null;
      if (authorTold && notice.authorId !== null && notice.authorId !== notice.actorId) {
        const [author] = await activeAdmins({ id: notice.authorId });
        if (author?.email) {
          const { title, typeName, locale } = await describe(notice.target);
          const comment = notice.comment?.trim();
          messages.push(
            authorTold === 'approved'
              ? {
                  ...base(notice, 'approved', author),
                  subject: `Đã được duyệt / Approved: ${title}`,
                  text: [
                    `Xin chào ${fullName(author)},`,
                    '',
                    `Văn bản "${title}"${locale} (${typeName}) của bạn đã được duyệt và có thể xuất bản.`,
                    `Your document "${title}"${locale} (${typeName}) was approved and can be published.`,
                    ...(comment ? ['', `Ý kiến / Comment: ${comment}`] : []),
                    '',
                    FOOTER,
                  ].join('\n'),
                }
              : {
                  ...base(notice, 'changesRequested', author),
                  subject: `Cần chỉnh sửa / Changes requested: ${title}`,
                  text: [
                    `Xin chào ${fullName(author)},`,
                    '',
                    `Văn bản "${title}"${locale} (${typeName}) của bạn cần chỉnh sửa trước khi được duyệt.`,
                    `Your document "${title}"${locale} (${typeName}) needs changes before it can be approved.`,
                    '',
                    `Ý kiến của người duyệt / Reviewer's comment: ${comment || '(không có / none)'}`,
                    '',
                    FOOTER,
                  ].join('\n'),
                },
          );
        }
      }

      for (const message of messages) await outbox.enqueue(message);
    },
  };
};

export default notifier;
