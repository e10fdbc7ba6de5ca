import type { Core } from '@strapi/strapi';
import { isRetryableZaloError, ZALO_CS_WINDOW_MS, zaloOa, type ZaloOaFailure } from '../../../../../common/zalo-oa';
import { ZALO_CONTACTS_UID, ZALO_CS_PATH } from '../constants';
import { TransportError } from './email';

type Contact = { id: number; lastMessageAt: string | Date | null };

/** Reason recorded when Zalo's window is closed (the message is then `skipped`). */
export const OUTSIDE_WINDOW_REASON = "outside Zalo's window: the citizen last wrote to the OA more than 7 days ago";
export const NO_CONTACT_REASON = "outside Zalo's window: no message from this Zalo user is on record";

// A Zalo user id is digits; anything else in an error text (a user id echoed back) is not kept.
const withoutUserIds = (text: string): string => text.replace(/\d{12,}/g, '<user>');

/**
 * The Zalo transport: an OA consultation message (`POST {ZALO_API_BASE}/v3.0/oa/message/cs`, body
 * `{ recipient: { user_id }, message: { text } }`, header `access_token`) through the OA connection
 * the publishing plugin owns (src/common/zalo-oa.ts: same settings, same rotating tokens). Zalo
 * answers failures as HTTP 200 with `error ≠ 0`; the code table and its sources are in
 * src/common/zalo-oa.ts: a refused token is refreshed once then retried, rate limits, quotas and
 * unknown codes are retried, invalid parameters (-201…) and a user who cannot be written to
 * (-213 not a follower / not interacted, -230 no interaction in 7 days) fail at once. HTTP 429/5xx,
 * timeouts and refused connections are retried; other HTTP statuses fail.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** `null` when Zalo messages can be sent, otherwise why not. */
  async unavailableReason(): Promise<string | null> {
    const oa = zaloOa(strapi);
    if (!oa) return 'Zalo is not available: the multichannel-publishing plugin (which holds the OA connection) is disabled';
    return oa.unavailableReason();
  },

  /** Records a user's message time, keeping the latest (a late or replayed event never shortens the window). */
  async noteMessage(userId: string, at: Date): Promise<void> {
    const query = strapi.db.query(ZALO_CONTACTS_UID);
    const contact = (await query.findOne({ select: ['id', 'lastMessageAt'], where: { userId } })) as Contact | null;
    if (!contact) {
      await query.create({ data: { userId, lastMessageAt: at } });
      return;
    }
    if (!contact.lastMessageAt || new Date(contact.lastMessageAt).getTime() < at.getTime()) {
      await query.update({ where: { id: contact.id }, data: { lastMessageAt: at } });
    }
  },

  /** `null` while Zalo lets the OA answer `userId` at `now`, otherwise the reason it does not. */
  async windowClosedReason(userId: string, now: Date = new Date()): Promise<string | null> {
    const contact = (await strapi.db.query(ZALO_CONTACTS_UID).findOne({ select: ['id', 'lastMessageAt'], where: { userId } })) as Contact | null;
    if (!contact?.lastMessageAt) return NO_CONTACT_REASON;
    return now.getTime() - new Date(contact.lastMessageAt).getTime() > ZALO_CS_WINDOW_MS ? OUTSIDE_WINDOW_REASON : null;
  },

  /** Sends one consultation message; throws a {@link TransportError}. */
  async send({ userId, text }: { userId: string; text: string }): Promise<void> {
    const oa = zaloOa(strapi);
    const reason = await this.unavailableReason();
    if (!oa || reason) throw new TransportError(reason ?? 'Zalo is not available', { retryable: true });
    try {
      await oa.call('Zalo consultation message', ZALO_CS_PATH, { recipient: { user_id: userId }, message: { text } });
    } catch (error) {
      const failure = error as Partial<ZaloOaFailure>;
      const message = withoutUserIds(failure?.message ?? String(error));
      const retryable = typeof failure?.zaloCode === 'number' ? isRetryableZaloError(failure.zaloCode) : failure?.retryable !== false;
      throw new TransportError(message, { retryable });
    }
  },
});
