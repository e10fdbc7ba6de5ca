import type { Core } from '@strapi/strapi';
import { isConflictError } from '../../../common/errors';
import { CONSULTATION_DRAFT_UID, POLICY_UID } from '../../../common/uids';
import { isShortCode, normalizeShortCode } from '../../../lib/short-codes';
import { CONTENT_MAX_LENGTH, CONTENT_MIN_LENGTH, ZALO_TEXT_EVENTS, type FeedbackTargetType } from '../constants';
import { characterCount, cleanText } from '../text';
import type { ZaloEvent } from '../zalo-validation';
import { appService } from '../../../lib/app-services';
import { notifications } from '../../../common/notifications';

export type ZaloOutcome =
  | { stored: true; trackingCode: string; duplicate: boolean }
  | { stored: false; reason: 'ignored-event' | 'invalid-sender' | 'no-short-code' | 'unknown-short-code' | 'invalid-content' | 'consultation-not-open' };

/** Zalo user ids are 18–19 digits; the column holds 64 characters. A longer "id" is not Zalo's: acknowledged, nothing stored. */
const ZALO_USER_ID_MAX = 64;

// "DT7K3M nội dung", "dt-7k3m: nội dung", "CS2AB4, nội dung…"
const KEYWORD_MESSAGE = /^\s*([A-Za-z0-9][A-Za-z0-9\-_.]{1,30}?)[\s:,.\-]+([\s\S]*)$/;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const findTargetByShortCode = async (code: string): Promise<{ type: FeedbackTargetType; documentId: string } | null> => {
    for (const [type, uid] of [['consultationDraft', CONSULTATION_DRAFT_UID], ['policy', POLICY_UID]] as const) {
      const row = (await strapi.db.query(uid).findOne({
        select: ['documentId'],
        where: { shortCode: code, publishedAt: { $notNull: true } },
      })) as { documentId: string } | null;
      if (row) return { type, documentId: row.documentId };
    }
    return null;
  };

  return {
    /**
     * Turns a citizen's Zalo message that starts with a policy's or draft's short code into
     * feedback (`source: zalo`). Anything else is acknowledged and dropped: Zalo would resend it.
     */
    async receive(event: ZaloEvent): Promise<ZaloOutcome> {
      if (event.sender?.id && event.sender.id.length > ZALO_USER_ID_MAX) return { stored: false, reason: 'invalid-sender' };
      // Any message from a user (feedback or not) opens Zalo's 7-day window to answer them.
      if (event.event_name.startsWith('user_send_') && event.sender?.id) {
        const at = new Date(Number(event.timestamp));
        await notifications(strapi)?.noteZaloMessage(event.sender.id, Number.isNaN(at.getTime()) ? new Date() : at);
      }
      if (!ZALO_TEXT_EVENTS.has(event.event_name) || !event.message?.text || !event.sender?.id) {
        return { stored: false, reason: 'ignored-event' };
      }
      const match = KEYWORD_MESSAGE.exec(event.message.text);
      const code = match ? normalizeShortCode(match[1]) : '';
      if (!match || !isShortCode(code)) return { stored: false, reason: 'no-short-code' };
      const target = await findTargetByShortCode(code);
      if (!target) return { stored: false, reason: 'unknown-short-code' };
      const content = cleanText(match[2]);
      const length = characterCount(content);
      if (length < CONTENT_MIN_LENGTH || length > CONTENT_MAX_LENGTH) return { stored: false, reason: 'invalid-content' };
      try {
        const { created, receipt } = await appService(strapi, 'api::feedback.intake').submit(
          {
            target,
            submitterType: 'citizen',
            content,
            category: 'comment',
            publicConsent: false,
            honeypot: false,
          },
          { source: 'zalo', zaloUserId: event.sender.id },
        );
        return { stored: true, trackingCode: receipt.trackingCode, duplicate: !created };
      } catch (error) {
        // The intake's only conflict: the consultation is not open.
        if (isConflictError(error)) return { stored: false, reason: 'consultation-not-open' };
        throw error;
      }
    },
  };
};
