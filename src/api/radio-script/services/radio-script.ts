import crypto from 'crypto';
import fs from 'fs/promises';
import { factories } from '@strapi/strapi';
import { publicationRefreshService } from '../../../common/publication-refresh';
import { AGENCY_UID, FOCAL_POINT_UID, POLICY_UID, RADIO_SCRIPT_UID } from '../../../common/uids';
import type { SpeechProvider, SpeechSettings } from '../audio/provider';
import { speechProvider } from '../audio/providers';
import { synthesise, SynthesisError } from '../audio/synthesise';
import { buildRadioScript, type ScriptSource } from '../speech/script-template';

type Row = Record<string, unknown> & { id: number; documentId: string };
type PolicyRow = Row & {
  title: string;
  summary: string;
  documentNumber?: string | null;
  body?: unknown;
  stage?: string | null;
  issuer?: string | null;
  issuedAt?: string | null;
  effectiveFrom?: string | null;
  leadAgency?: { id: number; documentId: string; name: string } | null;
  audiences?: Array<{ name: string }>;
};

/** Claims older than this are considered abandoned by a killed process and are taken again. */
const CLAIM_LEASE_MS = 5 * 60 * 1000;
const GENERATED_LANGUAGE = 'vi';
/** Emergency bulletins are rendered (and broadcast) first. */
const PRIORITY_ORDER = ['emergency', 'priority', 'normal'] as const;

/** The policy fields a generated script is built from: a new hash means a new policy version to announce. */
const sourceHash = (source: ScriptSource) =>
  crypto.createHash('sha256').update(JSON.stringify(source)).digest('hex');

export default factories.createCoreService(RADIO_SCRIPT_UID, ({ strapi }) => {
  const scripts = () => strapi.db.query(RADIO_SCRIPT_UID);
  let provider: SpeechProvider | undefined;
  /** Who speaks the scripts (`radio.speech`, config/radio.ts), built on first use. */
  const speaker = () => {
    provider ??= speechProvider(strapi.config.get<SpeechSettings>('radio.speech'));
    return provider;
  };

  const loadPublishedPolicy = async (documentId: string): Promise<PolicyRow | null> =>
    (await strapi.db.query(POLICY_UID).findOne({
      where: { documentId, locale: GENERATED_LANGUAGE, publishedAt: { $notNull: true } },
      populate: { leadAgency: true, audiences: true },
    })) as PolicyRow | null;

  /** The lead agency's active focal point (falling back to its leader in charge), named on air. */
  const contactOf = async (agency: PolicyRow['leadAgency']) => {
    if (!agency) return null;
    const people = (await strapi.db.query(FOCAL_POINT_UID).findMany({
      where: { agency: { documentId: agency.documentId }, active: true },
      select: ['fullName', 'position', 'role'],
    })) as Array<{ fullName: string; position: string | null; role: string }>;
    return people.find((person) => person.role === 'focal-point') ?? people[0] ?? null;
  };

  type Due = Row & { audioStatus: string; audioClaimedAt: string | null };
  const findDue = async (staleBefore: Date): Promise<Due | null> => {
    for (const priority of PRIORITY_ORDER) {
      const due = (await scripts().findOne({
        where: {
          priority,
          $or: [{ audioStatus: 'pending' }, { audioStatus: 'rendering', audioClaimedAt: { $lt: staleBefore } }],
        },
        orderBy: [{ updatedAt: 'asc' }],
        select: ['documentId', 'audioStatus', 'audioClaimedAt'],
      })) as Due | null;
      if (due) return due;
    }
    return null;
  };

  return {
    /**
     * Generates the Vietnamese radio-script draft of a published policy, once per policy version:
     * returns null when the policy is not published (in vi) or a script for this version exists.
     */
    async generateFromPolicy(policyDocumentId: string): Promise<Row | null> {
      const policy = await loadPublishedPolicy(policyDocumentId);
      if (!policy) return null;
      const agency = policy.leadAgency
        ? ((await strapi.db.query(AGENCY_UID).findOne({
            where: { documentId: policy.leadAgency.documentId, locale: GENERATED_LANGUAGE },
          })) as { name: string } | null)
        : null;
      const source: ScriptSource = {
        title: policy.title,
        documentNumber: policy.documentNumber,
        summary: policy.summary,
        body: policy.body,
        stage: policy.stage,
        issuer: policy.issuer,
        issuedAt: policy.issuedAt,
        effectiveFrom: policy.effectiveFrom,
        audiences: (policy.audiences ?? []).map((audience) => audience.name),
        leadAgency: agency?.name ?? policy.leadAgency?.name ?? null,
        focalPoint: await contactOf(policy.leadAgency),
      };
      const hash = sourceHash(source);
      const existing = await scripts().findOne({ where: { sourceHash: hash, policy: { documentId: policyDocumentId } } });
      if (existing) return null;
      // The generated input type wants a relation object for `policy`; the document service also takes a documentId.
      const created = (await strapi.documents(RADIO_SCRIPT_UID).create({
        data: {
          policy: policyDocumentId,
          title: `Bản tin: ${policy.title}`.slice(0, 255),
          language: GENERATED_LANGUAGE,
          priority: 'normal',
          script: buildRadioScript(source),
          generated: true,
          sourceHash: hash,
          repeatCount: 1,
        },
      } as never)) as unknown as Row;
      strapi.log.info(`[radio] generated script ${created.documentId} for policy ${policyDocumentId}`);
      return created;
    },

    /**
     * Queues audio rendering for every version (draft and published) of a script. With
     * `onlyIfMissing`, a script whose audio is ready (or has no voice) is left alone.
     */
    async requestAudio(documentId: string, { onlyIfMissing = false }: { onlyIfMissing?: boolean } = {}): Promise<number> {
      const skip = onlyIfMissing ? ['rendering', 'pending', 'ready', 'no-voice'] : ['rendering'];
      const { count } = await scripts().updateMany({
        where: { documentId, audioStatus: { $notIn: skip } },
        data: { audioStatus: 'pending', audioMessage: null, audioClaimedAt: null },
      });
      return count;
    },

    /**
     * Claims the oldest pending script (or one whose claim outlived its lease), renders it with the
     * configured speech provider (espeak-ng by default) and stores the file in the media library.
     * Returns false when nothing was due.
     */
    async renderNextPending(now: Date = new Date()): Promise<boolean> {
      const staleBefore = new Date(now.getTime() - CLAIM_LEASE_MS);
      const due = await findDue(staleBefore);
      if (!due) return false;
      // The conditional update is the claim: only one worker (on one node) sees count > 0.
      const { count } = await scripts().updateMany({
        where: { documentId: due.documentId, audioStatus: due.audioStatus, audioClaimedAt: due.audioClaimedAt },
        data: { audioStatus: 'rendering', audioClaimedAt: now },
      });
      if (count === 0) return true;
      const rows = (await scripts().findMany({ where: { documentId: due.documentId } })) as Array<
        Row & { script: string; language: string; syllablesPerMinute: number | null; title: string; publishedAt: string | null }
      >;
      const source = rows.find((row) => row.publishedAt) ?? rows[0];
      const finish = (data: Record<string, unknown>) =>
        scripts().updateMany({ where: { documentId: due.documentId, audioStatus: 'rendering' }, data: { ...data, audioClaimedAt: null } });
      // Shown in the radio panel while a long or retried render goes on; renewing the claim keeps other nodes off it.
      const progress = async (message: string) => {
        await scripts().updateMany({
          where: { documentId: due.documentId, audioStatus: 'rendering' },
          data: { audioMessage: message.slice(0, 500), audioClaimedAt: new Date() },
        });
      };
      try {
        const result = await synthesise(source.script, speaker(), {
          language: source.language,
          syllablesPerMinute: source.syllablesPerMinute ?? 160,
          progress,
        });
        if (result.kind === 'no-voice') {
          await finish({ audioStatus: 'no-voice', audioMessage: result.message });
          return true;
        }
        try {
          const stat = await fs.stat(result.file);
          const sha256 = crypto.createHash('sha256').update(await fs.readFile(result.file)).digest('hex');
          const [file] = await strapi.plugin('upload').service('upload').upload({
            data: { fileInfo: { name: `${source.title}.ogg`, caption: source.title, alternativeText: source.title } },
            files: { filepath: result.file, originalFilename: `radio-${due.documentId}.ogg`, mimetype: result.mime, size: stat.size },
          });
          // The audio becomes ready and, when the published bulletin went out without these bytes (the
          // speech provider was down at publish, or a new voice), its new delivery is queued in the same
          // transaction: neither is ever recorded without the other.
          await strapi.db.transaction(async () => {
            for (const row of rows) {
              await scripts().update({ where: { id: row.id }, data: { audio: file.id, audioSha256: sha256 } });
            }
            await finish({ audioStatus: 'ready', audioMessage: `${Math.round(result.seconds)} s` });
            await publicationRefreshService(strapi)?.refreshPublished(RADIO_SCRIPT_UID, due.documentId);
          });
        } finally {
          await result.cleanup();
        }
      } catch (error) {
        const message = error instanceof SynthesisError ? error.message : `Audio rendering failed: ${(error as Error).message}`;
        strapi.log.warn(`[radio] ${due.documentId}: ${message}`);
        await finish({ audioStatus: 'failed', audioMessage: message.slice(0, 500) });
      }
      return true;
    },
  };
});
