import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { COORDINATOR_ROLE_CODE } from '../../common/agency-scope';
import { DIGEST_TOPICS, notifications, type NotificationRequest } from '../../common/notifications';
import { AGENCY_UID, FEEDBACK_UID, FOCAL_POINT_UID } from '../../common/uids';
import { OPEN_STATUSES } from './constants';
import { daysOverdue } from './moderation';
import { vietnameseDate } from './notifications';

/** At most this many feedback items are listed in one digest; the count covers them all. */
export const DIGEST_MAX_ITEMS = 20;

type Named = { documentId: string; name?: string | null; title?: string | null; code?: string | null } | null;
type OverdueRow = {
  documentId: string;
  trackingCode: string;
  dueAt: string | Date;
  category: string;
  respondingAgency: Named;
  consultationDraft: Named;
  policy: Named;
};
type Recipient = { email: string; adminId: number | null };
export type DigestRun = { overdue: number; agencies: number; messages: number };

const FOOTER = 'Đây là thư tự động, vui lòng không trả lời thư này. / This is an automatic message, please do not reply.';

/** The day (in Vietnam) a digest is for: one digest per recipient, agency and day, however often the job runs. */
const vietnamDay = (now: Date): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);
const addressKey = (email: string) => createHash('sha256').update(email.trim().toLowerCase()).digest('base64url').slice(0, 22);

const itemLine = (row: OverdueRow, now: Date): string => {
  const target = row.consultationDraft?.title ? `Dự thảo: ${row.consultationDraft.title}` : row.policy?.title ? `Chính sách: ${row.policy.title}` : 'Góp ý chung';
  return `- ${row.trackingCode}: hạn ${vietnameseDate(row.dueAt)}, quá ${daysOverdue(row.dueAt, now)} ngày (${target})`;
};

/**
 * One digest: the count, the oldest items first (no citizen's name, address or text: the
 * recipient opens the feedback in the admin panel), where to answer them.
 */
const digestMessage = (
  scope: { key: string; label: string; subjectDocumentId: string | null },
  rows: OverdueRow[],
  recipient: Recipient,
  now: Date,
): NotificationRequest => {
  const shown = rows.slice(0, DIGEST_MAX_ITEMS);
  const more = rows.length - shown.length;
  return {
    channel: 'email',
    topic: DIGEST_TOPICS.overdueFeedback,
    dedupeKey: `digest:overdue:${vietnamDay(now)}:${scope.key}:${addressKey(recipient.email)}`,
    recipient: recipient.email,
    recipientAdminId: recipient.adminId,
    subjectType: scope.subjectDocumentId ? AGENCY_UID : null,
    subjectDocumentId: scope.subjectDocumentId,
    subject: `Góp ý quá hạn trả lời / Overdue feedback: ${scope.label} (${rows.length})`,
    text: [
      'Kính gửi đồng chí,',
      '',
      `${scope.label}: ${rows.length} góp ý của người dân, doanh nghiệp đã quá hạn trả lời (tính đến ngày ${vietnameseDate(now)}).`,
      `${scope.label}: ${rows.length} feedback item(s) past their answer deadline.`,
      '',
      ...shown.map((row) => itemLine(row, now)),
      ...(more > 0 ? [`… và ${more} góp ý khác / and ${more} more`] : []),
      '',
      'Xem và trả lời trong trang quản trị: Góp ý quá hạn. / Answer them in the admin panel: Overdue feedback.',
      'Tắt thư này: Cài đặt → Thông báo của tôi. / Switch this e-mail off: Settings → My notifications.',
      '',
      FOOTER,
    ].join('\n'),
  };
};

/**
 * The daily digest of overdue feedback (still owed an answer, past `dueAt`; spam is rejected, so never in it):
 * - to each active agency's active focal points and leaders in charge with an e-mail address, the
 *   feedback assigned to that agency;
 * - to the active coordinators (role `agency-coordinator`), the overdue feedback assigned to nobody.
 * A recipient who is also an admin user (same address) may switch it off (their preferences); the
 * others are designated officials, written to while their focal-point row is active. Messages go
 * to the notification outbox, one per recipient, agency and day (`dedupeKey`), so running the job
 * twice, or on two nodes, sends each digest once. Only the overdue rows are read (the set this
 * job reports), with the columns the e-mail shows.
 */
export const sendOverdueDigests = async (strapi: Core.Strapi, now: Date = new Date()): Promise<DigestRun> => {
  const outbox = notifications(strapi);
  if (!outbox) return { overdue: 0, agencies: 0, messages: 0 };
  const rows = (await strapi.db.query(FEEDBACK_UID).findMany({
    select: ['documentId', 'trackingCode', 'dueAt', 'category'],
    where: { moderationStatus: { $in: [...OPEN_STATUSES] }, dueAt: { $lt: now } },
    populate: {
      respondingAgency: { select: ['documentId', 'name', 'code', 'active'] },
      consultationDraft: { select: ['documentId', 'title'] },
      policy: { select: ['documentId', 'title'] },
    },
    orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
  })) as OverdueRow[];

  const byAgency = new Map<string, { agency: NonNullable<Named>; rows: OverdueRow[] }>();
  const unassigned: OverdueRow[] = [];
  for (const row of rows) {
    const agency = row.respondingAgency as (Named & { active?: boolean | null }) | null;
    if (!agency) unassigned.push(row);
    else if (agency.active !== false) {
      const group = byAgency.get(agency.documentId) ?? { agency, rows: [] };
      group.rows.push(row);
      byAgency.set(agency.documentId, group);
    }
  }

  const focalPoints = byAgency.size
    ? ((await strapi.db.query(FOCAL_POINT_UID).findMany({
        select: ['email'],
        where: { active: true, email: { $notNull: true }, agency: { documentId: { $in: [...byAgency.keys()] } } },
        populate: { agency: { select: ['documentId'] } },
      })) as Array<{ email: string | null; agency: { documentId: string } | null }>)
    : [];
  const coordinators = unassigned.length
    ? ((await strapi.db.query('admin::user').findMany({
        select: ['id', 'email'],
        where: { isActive: true, blocked: false, roles: { code: COORDINATOR_ROLE_CODE } },
      })) as Array<{ id: number; email: string | null }>)
    : [];
  const focalEmails = [...new Set(focalPoints.map((row) => row.email?.trim().toLowerCase()).filter((email): email is string => Boolean(email)))];
  const admins = focalEmails.length
    ? ((await strapi.db.query('admin::user').findMany({ select: ['id', 'email'], where: { email: { $in: focalEmails } } })) as Array<{ id: number; email: string }>)
    : [];
  const adminIdOf = new Map(admins.map((admin) => [admin.email.toLowerCase(), admin.id]));

  const messages: NotificationRequest[] = [];
  for (const [documentId, group] of byAgency) {
    const label = group.agency.name ?? group.agency.code ?? documentId;
    const emails = new Set(
      focalPoints
        .filter((row) => row.agency?.documentId === documentId && row.email)
        .map((row) => (row.email as string).trim().toLowerCase()),
    );
    for (const email of emails) {
      messages.push(digestMessage({ key: documentId, label, subjectDocumentId: documentId }, group.rows, { email, adminId: adminIdOf.get(email) ?? null }, now));
    }
  }
  for (const coordinator of coordinators) {
    if (!coordinator.email) continue;
    messages.push(
      digestMessage(
        { key: 'unassigned', label: 'Góp ý chưa giao cơ quan xử lý / Not yet assigned to an agency', subjectDocumentId: null },
        unassigned,
        { email: coordinator.email, adminId: coordinator.id },
        now,
      ),
    );
  }
  for (const message of messages) await outbox.enqueue(message);
  return { overdue: rows.length, agencies: byAgency.size, messages: messages.length };
};
