import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { generateShortCode, generateTrackingCode, isShortCode, normalizeShortCode } from '../api/feedback/codes';
import { ANSWERED_STATUSES, SHORT_CODE_PREFIXES, SYSTEM_ACTORS, type FeedbackStatus } from '../api/feedback/constants';
import { assertStatusRequirements, assertTransition, dueDate, isFeedbackStatus } from '../api/feedback/moderation';
import { getFeedbackSettings } from '../api/feedback/settings';
import { cleanLine, cleanText } from '../api/feedback/text';
import { relationIntent } from '../lib/relation-input';
import { PENDING_FEEDBACK_STATUS, type PendingFeedbackStatus } from '../middlewares/feedback-status-bridge';
import { CONSULTATION_DRAFT_UID, FEEDBACK_UID, POLICY_UID } from '../common/uids';

type Data = Record<string, unknown>;
type WriteContext = { uid: string; action: string; params: { documentId?: string; locale?: string; data?: Data } };
type HistoryEntry = { id?: number; status: FeedbackStatus; changedAt: string; changedBy?: string | null; note?: string | null };
type StoredFeedback = {
  id: number;
  status: FeedbackStatus;
  trackingCode?: string | null;
  rejectionReason?: string | null;
  response?: string | null;
  source?: string | null;
  respondingAgency?: { id: number } | null;
  statusHistory?: HistoryEntry[];
};
type RequestState = {
  user?: { id?: number; firstname?: string | null; lastname?: string | null };
  auth?: { strategy?: { name?: string }; credentials?: { id?: number; name?: string } };
};

const MULTILINE_FIELDS = ['content', 'response'];
const SINGLE_LINE_FIELDS = ['fullName', 'organizationName', 'email', 'phone'];
const SHORT_CODE_ATTEMPTS = 5;

/** Plain text on every write path: what an admin types is cleaned like what the public sends. */
const cleanFeedbackText = (data: Data) => {
  for (const field of MULTILINE_FIELDS) if (typeof data[field] === 'string') data[field] = cleanText(data[field] as string);
  for (const field of SINGLE_LINE_FIELDS) if (typeof data[field] === 'string') data[field] = cleanLine(data[field] as string);
};

/**
 * Who made the change: the admin user or API token of the current request, the public channel
 * for unauthenticated intake, `system` outside any request (seed, scripts).
 */
const currentActor = (strapi: Core.Strapi, source: unknown): string => {
  const ctx = strapi.requestContext.get() as { state?: RequestState } | undefined;
  if (!ctx) return SYSTEM_ACTORS.system;
  const { user, auth } = ctx.state ?? {};
  const strategy = auth?.strategy?.name;
  if (strategy === 'admin' && user) {
    const name = [user.firstname, user.lastname].filter(Boolean).join(' ');
    return `${name} (admin #${user.id})`.trim();
  }
  if (strategy && strategy.includes('token')) return `API token #${auth?.credentials?.id ?? '?'}`;
  if (strategy && user) return `user #${user.id}`;
  return source === 'zalo' ? SYSTEM_ACTORS.zalo : SYSTEM_ACTORS.web;
};

const historyEntry = (strapi: Core.Strapi, status: FeedbackStatus, source: unknown, note?: string | null): HistoryEntry => ({
  status,
  changedAt: new Date().toISOString(),
  changedBy: currentActor(strapi, source).slice(0, 255),
  note: note ?? null,
});

const requireStatus = (value: unknown): FeedbackStatus => {
  if (isFeedbackStatus(value)) return value;
  const message = 'status must be one of received, assigned, answered, rejected, closed';
  throw new errors.ValidationError(message, { errors: [{ path: ['status'], message, name: 'ValidationError' }] });
};

const onCreate = (strapi: Core.Strapi, data: Data) => {
  const status = requireStatus(data.status ?? 'received');
  data.status = status;
  assertStatusRequirements({
    status,
    rejectionReason: data.rejectionReason as string | null | undefined,
    hasRespondingAgency: relationIntent(data, 'respondingAgency') === 'set',
    response: data.response as string | null | undefined,
  });
  if (status !== 'rejected') data.rejectionReason = null;
  if (!data.trackingCode) data.trackingCode = generateTrackingCode();
  if (!data.dueAt) data.dueAt = dueDate(new Date(), getFeedbackSettings(strapi).responseDays).toISOString();
  if (ANSWERED_STATUSES.includes(status) && !data.respondedAt) data.respondedAt = new Date().toISOString();
  // The history is written by the server only; whatever the caller sent is replaced.
  data.statusHistory = [historyEntry(strapi, status, data.source, data.rejectionReason as string | null)];
};

const onUpdate = async (strapi: Core.Strapi, ctx: WriteContext, data: Data) => {
  if (!ctx.params.documentId) return;
  const existing = (await strapi.db.query(FEEDBACK_UID).findOne({
    where: { documentId: ctx.params.documentId },
    populate: { respondingAgency: { select: ['id'] }, statusHistory: true },
  })) as StoredFeedback | null;
  if (!existing) return;

  if ('trackingCode' in data && data.trackingCode !== existing.trackingCode) {
    const message = 'trackingCode cannot be changed: the submitter already holds it';
    throw new errors.ValidationError(message, { errors: [{ path: ['trackingCode'], message, name: 'ValidationError' }] });
  }

  const from = existing.status;
  const to = 'status' in data ? requireStatus(data.status) : from;
  assertTransition(from, to);

  const agencyIntent = relationIntent(data, 'respondingAgency');
  const rejectionReason = 'rejectionReason' in data ? (data.rejectionReason as string | null) : existing.rejectionReason;
  assertStatusRequirements({
    status: to,
    rejectionReason,
    hasRespondingAgency: agencyIntent === 'unchanged' ? Boolean(existing.respondingAgency) : agencyIntent === 'set',
    response: 'response' in data ? (data.response as string | null) : existing.response,
  });

  const stored = (existing.statusHistory ?? []).map(({ id }) => ({ id }) as HistoryEntry);
  if (to !== from) {
    if (to === 'answered' && !data.respondedAt) data.respondedAt = new Date().toISOString();
    data.statusHistory = [...stored, historyEntry(strapi, to, existing.source, to === 'rejected' ? rejectionReason : null)];
  } else if ('statusHistory' in data) {
    // The admin form sends the history back on every save: keep the stored entries, untouched.
    data.statusHistory = stored;
  }
  if (to !== 'rejected' && 'rejectionReason' in data) data.rejectionReason = null;
};

/** A moderation status the content manager could not carry in its body (see feedback-status-bridge). */
const takePendingStatus = (strapi: Core.Strapi, data: Data) => {
  type Ability = { can: (action: string, subject: string, field: string) => boolean };
  const request = strapi.requestContext.get() as { state?: Record<string, unknown> & { userAbility?: Ability } } | undefined;
  const pending = request?.state?.[PENDING_FEEDBACK_STATUS] as PendingFeedbackStatus | undefined;
  if (!pending || !request?.state) return;
  delete request.state[PENDING_FEEDBACK_STATUS];
  // As the content manager does for any field: a role without permission on `status` cannot set it.
  if (data.status === undefined && request.state.userAbility?.can(pending.action, FEEDBACK_UID, 'status')) data.status = pending.status;
};

/** Moderation and intake rules of a feedback, on every write path (admin panel, REST, document service). */
export const applyFeedbackRules = async (strapi: Core.Strapi, ctx: WriteContext, data: Data): Promise<void> => {
  takePendingStatus(strapi, data);
  cleanFeedbackText(data);
  if (ctx.action === 'create') onCreate(strapi, data);
  else await onUpdate(strapi, ctx, data);
};

const shortCodeTaken = async (strapi: Core.Strapi, uid: string, code: string, documentId?: string) => {
  const row = await strapi.db.query(uid as never).findOne({ where: { shortCode: code, ...(documentId ? { documentId: { $ne: documentId } } : {}) } });
  return Boolean(row);
};

/**
 * Every policy and consultation draft gets a short code (`CS…` / `DT…`) that citizens type at the
 * start of a Zalo message; editors may choose their own (letters and digits, 3–16).
 */
export const assignShortCode = async (strapi: Core.Strapi, ctx: WriteContext, data: Data): Promise<void> => {
  const prefix = ctx.uid === POLICY_UID ? SHORT_CODE_PREFIXES.policy : SHORT_CODE_PREFIXES.consultationDraft;
  if (typeof data.shortCode === 'string' && data.shortCode.trim() !== '') {
    const code = normalizeShortCode(data.shortCode);
    if (!isShortCode(code)) {
      const message = 'shortCode must be 3 to 16 letters or digits (e.g. DT7K3M)';
      throw new errors.ValidationError(message, { errors: [{ path: ['shortCode'], message, name: 'ValidationError' }] });
    }
    if (await shortCodeTaken(strapi, ctx.uid, code, ctx.params.documentId)) {
      const message = `shortCode ${code} is already used by another document`;
      throw new errors.ValidationError(message, { errors: [{ path: ['shortCode'], message, name: 'ValidationError' }] });
    }
    data.shortCode = code;
    return;
  }
  if (ctx.action !== 'create') return;
  for (let attempt = 0; attempt < SHORT_CODE_ATTEMPTS; attempt += 1) {
    const code = generateShortCode(prefix);
    if (!(await shortCodeTaken(strapi, ctx.uid, code))) {
      data.shortCode = code;
      return;
    }
  }
};
