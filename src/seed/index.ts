import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Core, Data } from '@strapi/strapi';
import { seedDemoDistribution } from './demo-distribution';
import { feedbackService } from '../common/feedback';
import { runTrusted } from '../lib/trusted';
import { AGENCY_UID, AUDIENCE_UID, CONSULTATION_DRAFT_UID, FEEDBACK_UID, FOCAL_POINT_UID, POLICY_UID } from '../common/uids';
import { AGENCIES } from './data/agencies';
import { seedDemoAgencyAccess, seedDemoEditorialUsers, seedDemoSuperAdmin } from './demo-admins';
import { AUDIENCES } from './data/audiences';
import { CONSULTATION_DRAFTS } from './data/consultation-drafts';
import { FEEDBACK } from './data/feedback';
import { FOCAL_POINTS } from './data/focal-points';
import { POLICIES, type SeedPolicy } from './data/policies';

const DAY_MS = 24 * 60 * 60 * 1000;
const FEEDBACK_RESPONSE_DAYS = 15;

export type SeedSummary = Record<'agencies' | 'focalPoints' | 'audiences' | 'policies' | 'consultationDrafts' | 'feedback', number>;

type Documents = ReturnType<Core.Strapi['documents']>;
type Doc = { documentId: string; id: Data.ID };

const paragraphsToBlocks = (paragraphs: string[]) =>
  paragraphs.map((text) => ({ type: 'paragraph' as const, children: [{ type: 'text' as const, text }] }));

const daysFromNow = (days: number, now: Date) => new Date(now.getTime() + days * DAY_MS);

/** Seeds one kind of document: looks each item up by its natural key and creates only what is missing. */
const seedEach = async <T>(
  items: T[],
  find: (item: T) => Promise<Doc | null>,
  create: (item: T) => Promise<Doc>,
): Promise<{ created: number; ids: Map<T, string> }> => {
  let created = 0;
  const ids = new Map<T, string>();
  for (const item of items) {
    let doc = await find(item);
    if (!doc) {
      doc = await create(item);
      created += 1;
    }
    ids.set(item, doc.documentId);
  }
  return { created, ids };
};

/** A lookup of the documentId seeded under a natural key; a key the demo data does not define is a bug in it. */
const requiredId = (ids: Map<string, string>, kind: string) => (key: string): string => {
  const id = ids.get(key);
  if (!id) throw new Error(`seed: unknown ${kind} ${key}`);
  return id;
};

const findOne = async (documents: Documents, filters: Record<string, unknown>, params: Record<string, unknown> = {}) =>
  (await documents.findFirst({ filters, ...params })) ?? null;

/**
 * Publishes a closed demo draft's outcome, once: the report generated from its dispositions is
 * uploaded to the media library, attached as `outcomeReport`, and the draft republished, which
 * records `outcomePublishedAt` (src/document-middlewares/consultation-outcome.ts).
 */
const publishDemoOutcome = async (strapi: Core.Strapi, documentId: string, now: Date): Promise<void> => {
  const row = (await strapi.db.query(CONSULTATION_DRAFT_UID).findOne({ select: ['outcomePublishedAt'], where: { documentId }, populate: { outcomeReport: { select: ['id'] } } })) as {
    outcomePublishedAt?: string | null;
    outcomeReport?: { id: number } | null;
  } | null;
  if (!row || row.outcomePublishedAt) return;
  let fileId = row.outcomeReport?.id;
  if (!fileId) {
    const place = strapi.config.get('plugin::public-participation.reportPlace', 'Lào Cai') as string;
    const bytes = await feedbackService(strapi, 'report').docx(documentId, { scope: {}, draftScope: {}, place, now });
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'seed-outcome-'));
    const name = `bao-cao-tiep-thu-giai-trinh-${documentId}.docx`;
    const filepath = path.join(dir, name);
    try {
      await fs.writeFile(filepath, bytes);
      const [file] = (await strapi.plugin('upload').service('upload').upload({
        data: { fileInfo: { name, caption: 'Báo cáo tổng hợp, tiếp thu, giải trình (demo)' } },
        files: { filepath, originalFilename: name, mimetype: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', size: bytes.length },
      })) as Array<{ id: number }>;
      fileId = file.id;
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }
  const drafts = strapi.documents(CONSULTATION_DRAFT_UID);
  await drafts.update({ documentId, locale: 'vi', data: { outcomeReport: fileId } } as never);
  await drafts.publish({ documentId, locale: 'vi' });
};

/**
 * Loads the Vietnamese-language demo of a province modelled on Lao Cai. Idempotent: every item is
 * looked up by its natural key (agency code, slug, tracking code…) and only missing items are created.
 */
export const seedDemo = (strapi: Core.Strapi, now: Date = new Date()): Promise<SeedSummary> =>
  runTrusted(strapi, 'Demo data loaded by the seed', () => loadDemo(strapi, now));

const loadDemo = async (strapi: Core.Strapi, now: Date): Promise<SeedSummary> => {
  const agencies = strapi.documents(AGENCY_UID);
  const focalPoints = strapi.documents(FOCAL_POINT_UID);
  const audiences = strapi.documents(AUDIENCE_UID);
  const policies = strapi.documents(POLICY_UID);
  const drafts = strapi.documents(CONSULTATION_DRAFT_UID);
  const feedbacks = strapi.documents(FEEDBACK_UID);

  const agencyIds = new Map<string, string>();
  const agencyResult = await seedEach(
    AGENCIES,
    (agency) => findOne(agencies, { code: agency.code }, { locale: 'vi' }),
    async (agency) => {
      const parent = agency.parent ? agencyIds.get(agency.parent) : undefined;
      const doc = (await agencies.create({
        locale: 'vi',
        data: { name: agency.name, code: agency.code, kind: agency.kind, active: true, ...(parent ? { parent } : {}) },
      }));
      await agencies.update({ documentId: doc.documentId, locale: 'en', data: { name: agency.nameEn } });
      return doc;
    },
  );
  for (const [agency, documentId] of agencyResult.ids) agencyIds.set(agency.code, documentId);
  const agencyId = requiredId(agencyIds, 'agency');

  const focalResult = await seedEach(
    FOCAL_POINTS,
    (person) => findOne(focalPoints, { fullName: person.fullName, agency: { code: person.agency } }),
    (person) =>
      focalPoints.create({
        data: {
          fullName: person.fullName,
          position: person.position,
          role: person.role,
          assignment: person.assignment,
          agency: agencyId(person.agency),
          email: person.email,
          phone: person.phone,
          appointedAt: person.appointedAt,
          active: true,
        },
      }),
  );

  const audienceResult = await seedEach(
    AUDIENCES,
    (audience) => findOne(audiences, { slug: audience.slug }, { locale: 'vi' }),
    async (audience) => {
      const doc = (await audiences.create({ locale: 'vi', data: { name: audience.name, slug: audience.slug } }));
      await audiences.update({ documentId: doc.documentId, locale: 'en', data: { name: audience.nameEn, slug: audience.slug } });
      return doc;
    },
  );
  const audienceIds = new Map([...audienceResult.ids].map(([audience, id]) => [audience.slug, id]));

  const createPolicy = async (policy: SeedPolicy): Promise<Doc> => {
    const history = (policy.previousStages ?? []).map((stage, index, all) => ({
      stage,
      changedAt: daysFromNow(-30 * (all.length - index + 1), now).toISOString(),
    }));
    const doc = (await policies.create({
      locale: 'vi',
      data: {
        title: policy.title,
        slug: policy.slug,
        documentNumber: policy.documentNumber,
        summary: policy.summary,
        body: paragraphsToBlocks(policy.paragraphs),
        stage: policy.stage,
        stageHistory: history,
        issuer: policy.issuer,
        leadAgency: agencyId(policy.leadAgency),
        audiences: policy.audiences.map((slug) => audienceIds.get(slug)).filter((id): id is string => id !== undefined),
        affectsPeopleAndBusinesses: policy.affectsPeopleAndBusinesses,
        largeSocialImpact: policy.largeSocialImpact,
        issuedAt: policy.issuedAt,
        effectiveFrom: policy.effectiveFrom,
      },
    }));
    if (policy.en) {
      await policies.update({
        documentId: doc.documentId,
        locale: 'en',
        data: {
          title: policy.en.title,
          slug: policy.en.slug,
          summary: policy.en.summary,
          body: paragraphsToBlocks(policy.en.paragraphs),
        },
      });
    }
    if (!policy.unpublished) {
      await policies.publish({ documentId: doc.documentId, locale: 'vi' });
      if (policy.en) await policies.publish({ documentId: doc.documentId, locale: 'en' });
    }
    return doc;
  };
  const policyResult = await seedEach(
    POLICIES,
    (policy) => findOne(policies, { slug: policy.slug }, { locale: 'vi', status: 'draft' }),
    createPolicy,
  );
  const policyIds = new Map([...policyResult.ids].map(([policy, id]) => [policy.slug, id]));
  const policyId = requiredId(policyIds, 'policy');

  const draftResult = await seedEach(
    CONSULTATION_DRAFTS,
    (draft) => findOne(drafts, { title: draft.title }, { locale: 'vi', status: 'draft' }),
    async (draft) => {
      const doc = (await drafts.create({
        locale: 'vi',
        data: {
          title: draft.title,
          policy: policyId(draft.policy),
          version: draft.version,
          summary: draft.summary,
          opensAt: daysFromNow(draft.opensInDays, now).toISOString(),
          closesAt: daysFromNow(draft.closesInDays, now).toISOString(),
          questions: draft.questions.map((text) => ({ text })),
          responseReport: draft.responseReport,
        },
      }));
      if (!draft.unpublished) await drafts.publish({ documentId: doc.documentId, locale: 'vi' });
      return doc;
    },
  );
  const draftIds = new Map([...draftResult.ids].map(([draft, id]) => [draft.key, id]));

  const feedbackResult = await seedEach(
    FEEDBACK,
    (item) => findOne(feedbacks, { trackingCode: item.trackingCode }),
    async (item) => {
      const receivedAt = daysFromNow(-item.receivedDaysAgo, now);
      const answered = item.moderationStatus === 'answered' || item.moderationStatus === 'closed';
      const doc = (await feedbacks.create({
        data: {
          ...(item.consultationDraft ? { consultationDraft: draftIds.get(item.consultationDraft) } : {}),
          ...(item.policy ? { policy: policyIds.get(item.policy) } : {}),
          submitterType: item.submitterType,
          fullName: item.fullName,
          organizationName: item.organizationName,
          email: item.email,
          phone: item.phone,
          content: item.content,
          category: item.category,
          moderationStatus: item.moderationStatus,
          rejectionReason: item.rejectionReason,
          response: item.response,
          respondedAt: answered ? daysFromNow(-item.receivedDaysAgo + 5, now).toISOString() : undefined,
          respondingAgency: item.respondingAgency ? agencyId(item.respondingAgency) : undefined,
          trackingCode: item.trackingCode,
          dueAt: daysFromNow(-item.receivedDaysAgo + FEEDBACK_RESPONSE_DAYS, now).toISOString(),
          publicConsent: item.publicConsent,
          source: item.source,
          disposition: item.disposition,
          explanation: item.explanation,
          provision: item.provision,
        },
      }));
      // The demo needs feedback that arrived in the past (overdue lists, KPIs): backdate the row.
      await strapi.db.query(FEEDBACK_UID).update({ where: { id: doc.id }, data: { createdAt: receivedAt } });
      return doc;
    },
  );

  for (const draft of CONSULTATION_DRAFTS) {
    const documentId = draftIds.get(draft.key);
    if (draft.publishOutcome && documentId) await publishDemoOutcome(strapi, documentId, now);
  }

  // What the channels would have answered: the coverage dashboard's demo (src/seed/demo-distribution.ts).
  await seedDemoDistribution(
    strapi,
    POLICIES.filter((policy) => !policy.unpublished).map((policy) => policyIds.get(policy.slug)).filter((id): id is string => id !== undefined),
    now,
  );

  return {
    agencies: agencyResult.created,
    focalPoints: focalResult.created,
    audiences: audienceResult.created,
    policies: policyResult.created,
    consultationDrafts: draftResult.created,
    feedback: feedbackResult.created,
  };
};

type DemoReviews = {
  stageDemoReviews: (reviews: Array<{ uid: string; documentId: string; locale?: string; stepsTaken: number }>) => Promise<number>;
};

const STEPS_TAKEN_WHEN_AWAITING: Record<NonNullable<SeedPolicy['awaiting']>, number> = { reviewer: 0, leader: 1 };

/**
 * Leaves the demo's draft policies marked `awaiting` in the approval workflow, acted on by the demo
 * accounts (which must exist), so the Approvals page shows a policy waiting for the reviewer and one
 * for the leader. Idempotent; does nothing when the workflow plugin is disabled. Returns how many it moved.
 */
export const seedDemoReviews = async (strapi: Core.Strapi): Promise<number> => {
  const demo = strapi.plugin('approval-workflow')?.service('demo-users') as DemoReviews | undefined;
  if (!demo) return 0;
  const reviews = [];
  for (const policy of POLICIES) {
    if (!policy.awaiting) continue;
    const found = await strapi.documents(POLICY_UID).findFirst({ filters: { slug: policy.slug }, locale: 'vi', status: 'draft' });
    if (found) reviews.push({ uid: POLICY_UID, documentId: found.documentId, locale: 'vi', stepsTaken: STEPS_TAKEN_WHEN_AWAITING[policy.awaiting] });
  }
  return demo.stageDemoReviews(reviews);
};

/**
 * In development, seeds the demo on the first boot of an empty database, with its demo accounts
 * (`seed.demo`, config/seed.ts). Never runs in another environment.
 */
export const seedDemoOnFirstBoot = async (strapi: Core.Strapi): Promise<void> => {
  if (!strapi.config.get<boolean>('seed.demo') || strapi.config.get('environment') !== 'development') return;
  await seedDemoSuperAdmin(strapi);
  await seedDemoEditorialUsers(strapi);
  if ((await strapi.db.query(AGENCY_UID).count()) > 0) return;
  strapi.log.info('[seed] empty database: loading the demo data');
  const summary = await seedDemo(strapi);
  await seedDemoAgencyAccess(strapi);
  const waiting = await seedDemoReviews(strapi);
  strapi.log.info(`[seed] demo loaded: ${JSON.stringify(summary)}; ${waiting} policies left waiting for approval`);
};
