import type { Core } from '@strapi/strapi';

/**
 * The notification outbox's contract, in the kernel so that the app enqueues notifications without
 * importing the `notifications` plugin: `notifications(strapi)` is the plugin's outbox service, or
 * `null` when the plugin is disabled (then nobody is notified: the operator's explicit choice).
 */

export const NOTIFICATIONS_PLUGIN = 'notifications';
export const NOTIFICATION_UID = 'plugin::notifications.notification' as const;
export const ZALO_CONTACT_UID = 'plugin::notifications.zalo-contact' as const;

/** `email`: `recipient` is an address; `zalo`: `recipient` is the user's id for the OA (an OA consultation message). */
export const NOTIFICATION_CHANNELS = ['email', 'zalo'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** Topics of the e-mails to admin users about the approval workflow (each user may switch them off). */
export const APPROVAL_TOPICS = {
  reviewRequested: 'approval.review-requested',
  approved: 'approval.approved',
  changesRequested: 'approval.changes-requested',
} as const;

/** Topics of the scheduled digests to admin users and focal points (each admin user may switch them off). */
export const DIGEST_TOPICS = {
  overdueFeedback: 'feedback.overdue-digest',
} as const;

/**
 * `pending`: due at `nextAttemptAt` (a first try, or a retry after `lastError`); `sending`: claimed
 * by a worker under a lease; `sent`, `failed` (permanent error or attempts exhausted) and `skipped`
 * (nothing to send with, or nothing that should be sent; `lastError` says why) are final.
 */
export const NOTIFICATION_STATUSES = ['pending', 'sending', 'sent', 'failed', 'skipped'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/** One message to one recipient. `dedupeKey` makes enqueueing the same business event twice a no-op. */
export type NotificationRequest = {
  channel: NotificationChannel;
  /** What the message is about, e.g. `feedback.receipt`: shown in the admin list, never personal. */
  topic: string;
  dedupeKey: string;
  recipient: string;
  /**
   * The admin user the message is for, when it is one (editors' and reviewers' e-mails): their
   * notification preferences are honoured (switched off → `skipped`).
   */
  recipientAdminId?: number | null;
  subject: string;
  text: string;
  /** The record it concerns, for the admin list (a uid and documentId, never personal data). */
  subjectType?: string | null;
  subjectDocumentId?: string | null;
  /** Recorded as `skipped` with this reason instead of being sent. */
  skipReason?: string | null;
};

export type NotificationOutbox = {
  /** Writes the notification in the caller's transaction, if any; the worker sends it after commit. */
  enqueue(request: NotificationRequest): Promise<void>;
  /**
   * Records that a Zalo user wrote to the OA at `at` (the webhook event's time): Zalo lets the OA
   * answer only within 7 days of the user's last message. An older time than the one kept is ignored.
   */
  noteZaloMessage(userId: string, at: Date): Promise<void>;
};

/** The outbox, or `null` when the notifications plugin is disabled. */
export const notifications = (strapi: Core.Strapi): NotificationOutbox | null =>
  (strapi.plugin(NOTIFICATIONS_PLUGIN)?.service('outbox') as NotificationOutbox | undefined) ?? null;
