import type { Core } from '@strapi/strapi';
import { fieldError } from '../../common/errors';
import type { RequestState } from '../../common/http';
import { FEEDBACK_UID } from '../../common/uids';
import { relationIntent } from '../../lib/relation-input';
import { generateTrackingCode } from './codes';
import { ANSWERED_STATUSES, SYSTEM_ACTORS, type ModerationStatus } from './constants';
import { assertStatusRequirements, assertTransition, dueDate, isModerationStatus } from './moderation';
import { getFeedbackSettings } from './settings';
import { cleanLine, cleanText } from './text';
import { assertSingleTarget } from './validation';

type Data = Record<string, unknown>;
type WriteContext = { action: string; params: { documentId?: string; data?: Data } };
type HistoryEntry = { id?: number; status: ModerationStatus; changedAt: string; changedBy?: string | null; note?: string | null };
type StoredFeedback = {
  id: number;
  moderationStatus: ModerationStatus;
  trackingCode?: string | null;
  rejectionReason?: string | null;
  response?: string | null;
  source?: string | null;
  respondingAgency?: { id: number } | null;
  statusHistory?: HistoryEntry[];
  consultationDraft?: { id: number } | null;
  policy?: { id: number } | null;
};
type Credentials = { id?: number | string };

const MULTILINE_FIELDS = ['content', 'response'];
const SINGLE_LINE_FIELDS = ['fullName', 'organizationName', 'email', 'phone'];

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
    const name = [user.firstname, user.lastname].filter((part) => typeof part === 'string' && part).join(' ');
    return `${name} (admin #${user.id})`.trim();
  }
  if (strategy && strategy.includes('token')) return `API token #${(auth?.credentials as Credentials | undefined)?.id ?? '?'}`;
  if (strategy && user) return `user #${user.id}`;
  return source === 'zalo' ? SYSTEM_ACTORS.zalo : SYSTEM_ACTORS.web;
};

const historyEntry = (strapi: Core.Strapi, status: ModerationStatus, source: unknown, note?: string | null): HistoryEntry => ({
  status,
  changedAt: new Date().toISOString(),
  changedBy: currentActor(strapi, source).slice(0, 255),
  note: note ?? null,
});

const requireStatus = (value: unknown): ModerationStatus => {
  if (isModerationStatus(value)) return value;
  throw fieldError('moderationStatus', 'moderationStatus must be one of received, assigned, answered, rejected, closed');
};

const onCreate = (strapi: Core.Strapi, data: Data) => {
  const status = requireStatus(data.moderationStatus ?? 'received');
  data.moderationStatus = status;
  assertStatusRequirements({
    moderationStatus: status,
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

const loadFeedback = async (strapi: Core.Strapi, documentId: string | undefined) =>
  documentId
    ? ((await strapi.db.query(FEEDBACK_UID).findOne({
        where: { documentId },
        populate: { respondingAgency: { select: ['id'] }, consultationDraft: { select: ['id'] }, policy: { select: ['id'] }, statusHistory: true },
      })) as StoredFeedback | null)
    : null;

/** A feedback is about exactly one thing, whatever the write changes of its two targets. */
const checkTarget = (data: Data, existing: StoredFeedback | null) => {
  const draftIntent = relationIntent(data, 'consultationDraft');
  const policyIntent = relationIntent(data, 'policy');
  if (existing && draftIntent === 'unchanged' && policyIntent === 'unchanged') return;
  const resolve = (intent: string, stored: unknown) => (intent === 'unchanged' ? Boolean(stored) : intent === 'set');
  assertSingleTarget(resolve(draftIntent, existing?.consultationDraft), resolve(policyIntent, existing?.policy));
};

const onUpdate = (strapi: Core.Strapi, existing: StoredFeedback, data: Data) => {
  if ('trackingCode' in data && data.trackingCode !== existing.trackingCode) {
    throw fieldError('trackingCode', 'trackingCode cannot be changed: the submitter already holds it');
  }

  const from = existing.moderationStatus;
  const to = 'moderationStatus' in data ? requireStatus(data.moderationStatus) : from;
  assertTransition(from, to);

  const agencyIntent = relationIntent(data, 'respondingAgency');
  const rejectionReason = 'rejectionReason' in data ? (data.rejectionReason as string | null) : existing.rejectionReason;
  assertStatusRequirements({
    moderationStatus: to,
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

/**
 * The feedback's rules on every write path (admin panel, content-manager API, REST, document
 * service): one target, clean text, moderation transitions and what each status needs, the
 * server-written history, tracking code and answer deadline.
 */
export const applyFeedbackRules = async (strapi: Core.Strapi, ctx: WriteContext, data: Data): Promise<void> => {
  const existing = ctx.action === 'update' ? await loadFeedback(strapi, ctx.params.documentId) : null;
  if (ctx.action === 'update' && !existing) return;
  checkTarget(data, existing);
  cleanFeedbackText(data);
  if (existing) onUpdate(strapi, existing, data);
  else onCreate(strapi, data);
};
