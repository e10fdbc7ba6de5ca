import type { Core } from '@strapi/strapi';
import { fieldError } from '../../common/errors';
import type { RequestState } from '../../common/http';
import { FEEDBACK_UID } from '../../common/uids';
import { relationIntent } from '../../lib/relation-input';
import { generateTrackingCode } from './codes';
import { ANSWERED_STATUSES, SYSTEM_ACTORS, type ModerationStatus } from './constants';
import { assertDispositionRequirements } from './dispositions';
import { assertStatusRequirements, assertTransition, dueDate, isModerationStatus } from './moderation';
import { getFeedbackSettings } from './settings';
import { cleanLine, cleanText } from './text';
import { assertSingleTarget } from './validation';

type Data = Record<string, unknown>;
type WriteContext = { action: string; params: { documentId?: string; data?: Data } };
type HistoryEntry = { id?: number; status: ModerationStatus; changedAt: string; changedBy?: string | null; note?: string | null };
type StoredFeedback = Record<string, unknown> & {
  id: number;
  moderationStatus: ModerationStatus;
  trackingCode?: string | null;
  rejectionReason?: string | null;
  response?: string | null;
  source?: string | null;
  respondingAgency?: { id: number } | null;
  statusHistory?: HistoryEntry[];
  consultationDraft?: { id: number; documentId: string } | null;
  policy?: { id: number; documentId: string } | null;
};
type Credentials = { id?: number | string };

const MULTILINE_FIELDS = ['content', 'response', 'explanation'];
const SINGLE_LINE_FIELDS = ['fullName', 'organizationName', 'email', 'phone', 'provision'];

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

const DISPOSITION_FIELDS = ['disposition', 'explanation', 'provision'] as const;

/**
 * The disposition (tiếp thu / giải trình) rules and its server-written record: who set it and when,
 * refreshed whenever the disposition, explanation or provision changes, and never taken from the caller.
 */
const applyDisposition = (strapi: Core.Strapi, data: Data, existing: StoredFeedback | null, onConsultationDraft: boolean) => {
  const pick = (field: (typeof DISPOSITION_FIELDS)[number]) => (field in data ? data[field] : existing?.[field]);
  const disposition = pick('disposition');
  assertDispositionRequirements({ disposition, explanation: pick('explanation') as string | null | undefined, onConsultationDraft });
  const changed = existing
    ? DISPOSITION_FIELDS.some((field) => field in data && asStored(field, data[field]) !== asStored(field, existing[field]))
    : DISPOSITION_FIELDS.some((field) => asStored(field, data[field]) !== null);
  if (!changed) {
    delete data.dispositionAt;
    delete data.dispositionBy;
    return;
  }
  const decided = asStored('disposition', disposition) !== null;
  data.dispositionAt = decided ? new Date().toISOString() : null;
  data.dispositionBy = decided ? currentActor(strapi, existing?.source ?? data.source).slice(0, 255) : null;
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
  applyDisposition(strapi, data, null, relationIntent(data, 'consultationDraft') === 'set');
};

const loadFeedback = async (strapi: Core.Strapi, documentId: string | undefined) =>
  documentId
    ? ((await strapi.db.query(FEEDBACK_UID).findOne({
        where: { documentId },
        populate: { respondingAgency: { select: ['id'] }, consultationDraft: { select: ['id', 'documentId'] }, policy: { select: ['id', 'documentId'] }, statusHistory: true },
      })) as StoredFeedback | null)
    : null;

/** A new feedback is about exactly one thing. */
const checkTarget = (data: Data) => {
  assertSingleTarget(relationIntent(data, 'consultationDraft') === 'set', relationIntent(data, 'policy') === 'set');
};

/**
 * What the citizen submitted, and what the server derived from the submission. Agencies add a
 * response, a moderation status and a responding agency; they never change what was said, who
 * said it, whether it may be published, or where it came from. (`category` stays editable: agencies
 * refile a comment the citizen put under the wrong heading.)
 */
const SUBMITTED_FIELDS = ['content', 'fullName', 'organizationName', 'email', 'phone', 'publicConsent', 'submitterType', 'source', 'trackingCode', 'dedupeKey', 'zaloUserId'] as const;
const SUBMITTED_TARGETS = ['consultationDraft', 'policy'] as const;

/** A value as stored: a form's empty string is an absent value, and consent is given only by `true`. */
const asStored = (field: string, value: unknown) => {
  if (field === 'publicConsent') return value === true;
  return value === undefined || value === '' ? null : value;
};

/** The one document a to-one relation input names, when it names exactly one (documentId or id). */
const namedTarget = (value: unknown): string | number | null | undefined => {
  if (value === null || value === '') return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  const single = (list: unknown) => (Array.isArray(list) && list.length === 1 ? namedTarget(list[0]) : undefined);
  if (Array.isArray(value)) return value.length === 0 ? null : single(value);
  if (typeof value !== 'object') return undefined;
  const ops = value as Record<string, unknown>;
  if ('set' in ops) return Array.isArray(ops.set) && ops.set.length === 0 ? null : single(ops.set);
  if ('connect' in ops && Array.isArray(ops.connect) && ops.connect.length > 0) return single(ops.connect);
  if ('disconnect' in ops && Array.isArray(ops.disconnect) && ops.disconnect.length > 0) return null;
  return (ops.documentId as string | undefined) ?? (ops.id as number | undefined);
};

const sameTarget = (data: Data, key: (typeof SUBMITTED_TARGETS)[number], stored: StoredFeedback[typeof key]) => {
  if (relationIntent(data, key) === 'unchanged') return true;
  const named = namedTarget(data[key]);
  if (named === null) return !stored;
  return Boolean(stored) && (named === stored?.documentId || Number(named) === stored?.id);
};

/** Refuses any write that would change what the citizen submitted (unchanged values sent back by a form pass). */
const assertSubmissionUnchanged = (existing: StoredFeedback, data: Data) => {
  for (const field of SUBMITTED_FIELDS) {
    if (field in data && asStored(field, data[field]) !== asStored(field, existing[field])) {
      throw fieldError(field, `${field} cannot be changed: it is part of what the citizen submitted`);
    }
  }
  for (const key of SUBMITTED_TARGETS) {
    if (!sameTarget(data, key, existing[key])) {
      throw fieldError(key, `${key} cannot be changed: feedback stays on what the citizen commented on`);
    }
  }
};

const onUpdate = (strapi: Core.Strapi, existing: StoredFeedback, data: Data) => {
  assertSubmissionUnchanged(existing, data);

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
  applyDisposition(strapi, data, existing, Boolean(existing.consultationDraft));
};

/**
 * The feedback's rules on every write path (admin panel, content-manager API, REST, document
 * service): one target, fixed once submitted, clean text, moderation transitions and what each status needs, the
 * server-written history, tracking code and answer deadline.
 */
export const applyFeedbackRules = async (strapi: Core.Strapi, ctx: WriteContext, data: Data): Promise<void> => {
  const existing = ctx.action === 'update' ? await loadFeedback(strapi, ctx.params.documentId) : null;
  if (ctx.action === 'update' && !existing) return;
  cleanFeedbackText(data);
  if (existing) {
    onUpdate(strapi, existing, data);
  } else {
    checkTarget(data);
    onCreate(strapi, data);
  }
};
