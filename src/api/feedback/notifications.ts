import { createHash } from 'node:crypto';
import { expandEntryUrlTemplate } from '../../common/entry-url';
import type { NotificationRequest } from '../../common/notifications';
import { FEEDBACK_UID } from '../../common/uids';
import type { ModerationStatus, RejectionReason } from './constants';

/** What the e-mails about one feedback are built from: its own row, never anyone else's. */
export type NotifiedFeedback = {
  documentId: string;
  email?: string | null;
  /** The citizen's id for the OA, when the feedback came through the Zalo webhook. */
  zaloUserId?: string | null;
  trackingCode?: string | null;
  dueAt?: string | Date | null;
  moderationStatus: ModerationStatus;
  response?: string | null;
  rejectionReason?: RejectionReason | string | null;
};

export const REJECTION_LABELS: Record<string, string> = {
  spam: 'nội dung quảng cáo, rác',
  abuse: 'nội dung không phù hợp (xúc phạm, vi phạm pháp luật)',
  'out-of-scope': 'nội dung không thuộc phạm vi tiếp nhận',
  duplicate: 'trùng với góp ý đã gửi trước đó',
};

const FOOTER = 'Đây là thư tự động, vui lòng không trả lời thư này.';

const VIETNAMESE_DATE = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' });

/** A date as Vietnamese readers write it (dd/mm/yyyy), in Vietnam's time zone (one formatter: building one costs more than formatting). */
export const vietnameseDate = (value: string | Date): string => VIETNAMESE_DATE.format(new Date(value));

const trackingLine = (template: string, trackingCode: string): string[] => {
  const url = expandEntryUrlTemplate(template, { trackingCode });
  return url ? [`Theo dõi góp ý: ${url}`] : [];
};

const lines = (...parts: Array<string | string[]>): string => parts.flat().join('\n');

const base = (feedback: NotifiedFeedback, kind: string): Pick<NotificationRequest, 'channel' | 'topic' | 'dedupeKey' | 'recipient' | 'subjectType' | 'subjectDocumentId'> => ({
  channel: 'email',
  topic: `feedback.${kind}`,
  // Each status is reached at most once (the transitions never go back), so one message per kind.
  dedupeKey: `feedback:${feedback.documentId}:${kind}`,
  recipient: feedback.email ?? '',
  subjectType: FEEDBACK_UID,
  subjectDocumentId: feedback.documentId,
});

/** The receipt: tracking code, answer deadline and where to follow it. */
export const receiptEmail = (feedback: NotifiedFeedback, trackingUrlTemplate: string): NotificationRequest => {
  const code = feedback.trackingCode ?? '';
  return {
    ...base(feedback, 'receipt'),
    subject: `Đã nhận góp ý của bạn (mã ${code})`,
    text: lines(
      'Xin chào,',
      '',
      'Chúng tôi đã nhận được góp ý của bạn.',
      `Mã tra cứu: ${code}`,
      ...(feedback.dueAt ? [`Hạn trả lời: ${vietnameseDate(feedback.dueAt)}`] : []),
      trackingLine(trackingUrlTemplate, code),
      '',
      FOOTER,
    ),
  };
};

/** The answer, or the reason the feedback was not taken up. */
export const outcomeEmail = (feedback: NotifiedFeedback, trackingUrlTemplate: string): NotificationRequest | null => {
  const code = feedback.trackingCode ?? '';
  if (feedback.moderationStatus === 'answered') {
    return {
      ...base(feedback, 'answered'),
      subject: `Trả lời góp ý của bạn (mã ${code})`,
      text: lines('Xin chào,', '', `Góp ý của bạn (mã ${code}) đã được trả lời:`, '', feedback.response ?? '', '', trackingLine(trackingUrlTemplate, code), '', FOOTER),
    };
  }
  if (feedback.moderationStatus === 'rejected') {
    const reason = REJECTION_LABELS[feedback.rejectionReason ?? ''] ?? 'không đáp ứng yêu cầu tiếp nhận';
    return {
      ...base(feedback, 'rejected'),
      subject: `Góp ý của bạn không được tiếp nhận (mã ${code})`,
      text: lines('Xin chào,', '', `Góp ý của bạn (mã ${code}) không được tiếp nhận.`, `Lý do: ${reason}.`, trackingLine(trackingUrlTemplate, code), '', FOOTER),
      // A spammer may have typed someone else's address: that person is not written to.
      skipReason: feedback.rejectionReason === 'spam' ? 'rejected as spam: no e-mail to an address a spammer may have typed' : null,
    };
  }
  return null;
};

/** Zalo refuses a consultation message's text beyond this many characters. */
export const ZALO_TEXT_LIMIT = 2000;

const zaloBase = (feedback: NotifiedFeedback, kind: string): Pick<NotificationRequest, 'channel' | 'topic' | 'dedupeKey' | 'recipient' | 'subjectType' | 'subjectDocumentId'> => ({
  channel: 'zalo',
  topic: `feedback.${kind}`,
  dedupeKey: `feedback:${feedback.documentId}:zalo:${kind}`,
  recipient: feedback.zaloUserId ?? '',
  subjectType: FEEDBACK_UID,
  subjectDocumentId: feedback.documentId,
});

/** A long answer is cut so that the message stays within Zalo's limit, the tracking link kept. */
const zaloText = (head: string[], body: string, tail: string[]): string => {
  const fixed = lines(head, tail).length + 2;
  const room = ZALO_TEXT_LIMIT - fixed;
  const cut = Array.from(body).length > room ? `${Array.from(body).slice(0, Math.max(0, room - 1)).join('')}…` : body;
  return lines(head, cut ? [cut] : [], tail).slice(0, ZALO_TEXT_LIMIT);
};

/** The acknowledgement on Zalo: tracking code, answer deadline and where to follow it. */
export const receiptZalo = (feedback: NotifiedFeedback, trackingUrlTemplate: string): NotificationRequest => {
  const code = feedback.trackingCode ?? '';
  return {
    ...zaloBase(feedback, 'receipt'),
    subject: `Zalo: đã nhận góp ý (mã ${code})`,
    text: lines(
      `Đã nhận góp ý của bạn. Mã tra cứu: ${code}.`,
      ...(feedback.dueAt ? [`Hạn trả lời: ${vietnameseDate(feedback.dueAt)}.`] : []),
      trackingLine(trackingUrlTemplate, code),
    ),
  };
};

/** The answer on Zalo, or the reason the feedback was not taken up. */
export const outcomeZalo = (feedback: NotifiedFeedback, trackingUrlTemplate: string): NotificationRequest | null => {
  const code = feedback.trackingCode ?? '';
  if (feedback.moderationStatus === 'answered') {
    return {
      ...zaloBase(feedback, 'answered'),
      subject: `Zalo: trả lời góp ý (mã ${code})`,
      text: zaloText([`Góp ý của bạn (mã ${code}) đã được trả lời:`], feedback.response ?? '', trackingLine(trackingUrlTemplate, code)),
    };
  }
  if (feedback.moderationStatus === 'rejected') {
    const reason = REJECTION_LABELS[feedback.rejectionReason ?? ''] ?? 'không đáp ứng yêu cầu tiếp nhận';
    return {
      ...zaloBase(feedback, 'rejected'),
      subject: `Zalo: góp ý không được tiếp nhận (mã ${code})`,
      text: lines(`Góp ý của bạn (mã ${code}) không được tiếp nhận.`, `Lý do: ${reason}.`, trackingLine(trackingUrlTemplate, code)),
      // Spam gets no reply: answering would only confirm to the sender that the OA reads it.
      skipReason: feedback.rejectionReason === 'spam' ? 'rejected as spam: no reply to spam' : null,
    };
  }
  return null;
};

/** A participant of a consultation, for the e-mail that its outcome is published. */
/**
 * The receipt(s) a new feedback gets: by e-mail when it has an address, by a Zalo message when it came
 * through the OA; none for a bot's submission, stored as already rejected (spam).
 */
export const receiptMessages = (feedback: NotifiedFeedback, trackingUrlTemplate: string): NotificationRequest[] => {
  if (feedback.moderationStatus === 'rejected') return [];
  const messages: NotificationRequest[] = [];
  if (feedback.email) messages.push(receiptEmail(feedback, trackingUrlTemplate));
  if (feedback.zaloUserId) messages.push(receiptZalo(feedback, trackingUrlTemplate));
  return messages;
};

export type ConsultationParticipant = { documentId: string; email: string; trackingCode?: string | null };

/**
 * The published outcome of a consultation, to someone who took part: one e-mail per address and
 * consultation (`dedupeKey` keeps the first; the address itself is not in the key), with the signed
 * report's link and their own tracking link, where "what happens next" now shows the outcome.
 */
export const consultationOutcomeEmail = (
  participant: ConsultationParticipant,
  consultation: { documentId: string; title: string; reportUrl: string | null },
  trackingUrlTemplate: string,
): NotificationRequest => {
  const addressKey = createHash('sha256').update(participant.email.trim().toLowerCase()).digest('base64url').slice(0, 22);
  const code = participant.trackingCode ?? '';
  return {
    channel: 'email',
    topic: 'consultation.outcome-published',
    dedupeKey: `consultation:${consultation.documentId}:outcome:${addressKey}`,
    recipient: participant.email,
    subjectType: FEEDBACK_UID,
    subjectDocumentId: participant.documentId,
    subject: `Kết quả lấy ý kiến: ${consultation.title}`,
    text: lines(
      'Xin chào,',
      '',
      `Bạn đã góp ý về dự thảo "${consultation.title}".`,
      'Cơ quan soạn thảo đã công bố báo cáo tiếp thu, giải trình các ý kiến góp ý.',
      ...(consultation.reportUrl ? [`Báo cáo: ${consultation.reportUrl}`] : []),
      code ? trackingLine(trackingUrlTemplate, code) : [],
      '',
      FOOTER,
    ),
  };
};
