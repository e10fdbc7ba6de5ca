import type { Core, UID } from '@strapi/strapi';
import { contentTypes } from '@strapi/utils';
import { assertConsultationWindow, consultationMinDays } from '../api/consultation-draft/validation';
import { applyFeedbackRules } from '../api/feedback/document-rules';
import { assertPolicySummary } from '../api/policy/validation';
import { DEFAULT_SYLLABLES_PER_MINUTE, estimateSeconds } from '../api/radio-script/speech/duration';
import { assertBroadcastWindow } from '../api/radio-script/validation';
import { CONSULTATION_DRAFT_UID, FEEDBACK_UID, POLICY_UID, RADIO_SCRIPT_UID } from '../common/uids';
import { assignShortCode } from '../lib/short-codes';

type Data = Record<string, unknown>;
type WriteContext = { uid: UID.ContentType; action: string; params: { documentId?: string; locale?: string; data?: Data } };
type StageChange = { id?: number; stage: string; changedAt: string | Date; note?: string | null };

const WRITE_ACTIONS = new Set(['create', 'update']);
const DEFAULT_POLICY_STAGE = 'proposal';

/**
 * The current draft row of a document, preferring `locale` and falling back to any locale: the
 * state a write is applied to (non-localized fields are shared by every locale).
 */
const currentDraft = async (
  strapi: Core.Strapi,
  uid: UID.ContentType,
  documentId: string | undefined,
  { locale, populate }: { locale?: string; populate?: string[] } = {},
) => {
  if (!documentId) return null;
  const draftsOnly = contentTypes.hasDraftAndPublish(strapi.getModel(uid)) ? { publishedAt: null } : {};
  const rows = (await strapi.db
    .query(uid)
    .findMany({ where: { documentId, ...draftsOnly }, populate })) as Data[];
  return rows.find((row) => row.locale === locale) ?? rows[0] ?? null;
};

/** Appends a `stageHistory` entry whenever a policy is created or its `stage` changes. */
const appendStageHistory = async (strapi: Core.Strapi, ctx: WriteContext, data: Data) => {
  const locale = ctx.params.locale ?? (await strapi.plugin('i18n').service('locales').getDefaultLocale());
  const existing =
    ctx.action === 'update'
      ? await currentDraft(strapi, POLICY_UID, ctx.params.documentId, { locale, populate: ['stageHistory'] })
      : null;
  const previousStage = existing ? (existing.stage as string | null) : null;
  const nextStage = (data.stage as string | undefined) ?? (existing ? undefined : DEFAULT_POLICY_STAGE);
  if (!nextStage || nextStage === previousStage) return;
  // Components can only be kept by id on their own row; another locale's entries are copied.
  const stored = (existing?.stageHistory as StageChange[] | undefined) ?? [];
  const sameRow = existing?.locale === locale;
  const history: StageChange[] = Array.isArray(data.stageHistory)
    ? (data.stageHistory as StageChange[])
    : stored.map(({ id, stage, changedAt, note }) => (sameRow ? ({ id } as StageChange) : { stage, changedAt, note }));
  data.stageHistory = [...history, { stage: nextStage, changedAt: new Date().toISOString() }];
};

const validateConsultationDraft = async (strapi: Core.Strapi, ctx: WriteContext, data: Data) => {
  if (!('opensAt' in data) && !('closesAt' in data)) return;
  const existing = ctx.action === 'update' ? await currentDraft(strapi, CONSULTATION_DRAFT_UID, ctx.params.documentId) : null;
  assertConsultationWindow({
    opensAt: 'opensAt' in data ? data.opensAt : existing?.opensAt,
    closesAt: 'closesAt' in data ? data.closesAt : existing?.closesAt,
  }, consultationMinDays(strapi));
};

const AUDIO_DONE = new Set(['ready', 'failed', 'no-voice']);

/**
 * Keeps a radio script's computed fields true on every save: `estimatedSeconds` from the text and
 * pace, a broadcast period that does not end before it starts, and no stale audio once the text changed.
 */
const prepareRadioScript = async (strapi: Core.Strapi, ctx: WriteContext, data: Data) => {
  const existing = ctx.action === 'update' ? await currentDraft(strapi, RADIO_SCRIPT_UID, ctx.params.documentId) : null;
  const pick = (key: string) => (key in data ? data[key] : existing?.[key]);
  assertBroadcastWindow({ broadcastFrom: pick('broadcastFrom'), broadcastUntil: pick('broadcastUntil') });
  const script = typeof pick('script') === 'string' ? (pick('script') as string) : '';
  const pace = Number(pick('syllablesPerMinute')) || DEFAULT_SYLLABLES_PER_MINUTE;
  data.estimatedSeconds = estimateSeconds(script, pace);
  // Only rendering knows the audio's fingerprint (what the source system compares before re-sending).
  delete data.audioSha256;
  const textChanged = existing && 'script' in data && data.script !== existing.script;
  if (textChanged && AUDIO_DONE.has(String(existing.audioStatus))) {
    data.audio = null;
    data.audioStatus = 'none';
    data.audioMessage = null;
    data.audioSha256 = null;
  }
};

/**
 * Content rules that hold on every write path (admin panel, content-manager API, REST, document
 * service), enforced as document-service middlewares rather than database lifecycles.
 */
export const registerDocumentMiddlewares = (strapi: Core.Strapi): void => {
  strapi.documents.use(async (context, next) => {
    // Strapi types `params` per UID and action, a union no single write rule can narrow; the rules read only `data`, `documentId` and `locale`.
    const ctx = context as unknown as WriteContext;
    const data = ctx.params?.data;
    if (!WRITE_ACTIONS.has(ctx.action) || !data) return next();
    switch (ctx.uid) {
      case POLICY_UID:
        assertPolicySummary(data, ctx.action === 'create');
        await appendStageHistory(strapi, ctx, data);
        await assignShortCode(strapi, { ...ctx, uid: POLICY_UID }, data);
        break;
      case CONSULTATION_DRAFT_UID:
        await validateConsultationDraft(strapi, ctx, data);
        await assignShortCode(strapi, { ...ctx, uid: CONSULTATION_DRAFT_UID }, data);
        break;
      case FEEDBACK_UID:
        await applyFeedbackRules(strapi, ctx, data);
        break;
      case RADIO_SCRIPT_UID:
        await prepareRadioScript(strapi, ctx, data);
        break;
      default:
        break;
    }
    return next();
  });
};
