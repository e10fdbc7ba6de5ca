import type { Core } from '@strapi/strapi';
import { createDocument } from './content';

/**
 * Documents planted to be searched for in public answers: every private attribute holds a
 * recognisable marker, every unpublished version carries the draft marker in its text, and
 * `createdBy`/`updatedBy` point at an admin whose name and e-mail carry the admin marker. A public
 * answer that contains any marker has leaked.
 */
export const DRAFT_MARKER = 'ZZDRAFTLEAK';
export const ADMIN_MARKER = 'zzadminleak';
export const PRIVATE_DATE = '2001-02-03T04:05:06.789Z';

type Attribute = { type: string; private?: boolean; target?: string; relation?: string };
type Model = { attributes: Record<string, Attribute>; options?: { draftAndPublish?: boolean } };
type Doc = { documentId: string; id: number };

export type LeakFixtures = {
  /** Every marker that must never appear in a public answer. */
  markers: string[];
  /** Private string values, by `uid.attribute` (to filter and search by them). */
  privateValues: Record<string, string>;
  /** documentIds per content type: published ones and never-published ones. */
  published: Record<string, string[]>;
  neverPublished: Record<string, string[]>;
  /** Tracking codes of the planted feedback (its public track route is tested with them). */
  trackingCodes: string[];
};

let sequence = 0;
const nextPhone = () => {
  sequence += 1;
  return `091${String(7_000_000 + sequence).padStart(7, '0')}`;
};

/** Values for every private attribute of `uid`, derived from its schema (a new private field is covered). */
const privateData = (strapi: Core.Strapi, uid: string, fixtures: LeakFixtures): Record<string, unknown> => {
  const model = strapi.getModel(uid as never) as unknown as Model;
  const data: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(model.attributes)) {
    if (!attribute.private) continue;
    sequence += 1;
    let value: string;
    if (attribute.type === 'email') value = `zzprivleak${sequence}@example.invalid`;
    else if (name === 'phone') value = nextPhone();
    else if (attribute.type === 'datetime') value = PRIVATE_DATE;
    else if (attribute.type === 'string' || attribute.type === 'text') value = `ZZPRIVLEAK${sequence}`;
    else continue;
    data[name] = value;
    fixtures.privateValues[`${uid}.${name}`] = value;
    fixtures.markers.push(attribute.type === 'datetime' ? PRIVATE_DATE.slice(0, 19) : value);
  }
  return data;
};

const track = (fixtures: LeakFixtures, uid: string, kind: 'published' | 'neverPublished', documentId: string) => {
  (fixtures[kind][uid] ??= []).push(documentId);
};

/** Marks `createdBy`/`updatedBy` of every row of the document as the marker admin. */
const stampAuthor = async (strapi: Core.Strapi, uid: string, documentId: string, adminId: number) => {
  await strapi.db.query(uid as never).updateMany({ where: { documentId }, data: { createdBy: adminId, updatedBy: adminId } });
};

/**
 * Plants the fixtures for every app content type. `FIXTURES_BY_UID` must name every `api::` type:
 * the suite fails on a type without fixtures, so a new type cannot be forgotten.
 */
export const plantLeakFixtures = async (strapi: Core.Strapi): Promise<LeakFixtures> => {
  const fixtures: LeakFixtures = { markers: [DRAFT_MARKER, ADMIN_MARKER], privateValues: {}, published: {}, neverPublished: {}, trackingCodes: [] };
  const role = (await strapi.db.query('admin::role').findOne({ where: { code: 'strapi-super-admin' } })) as { id: number };
  const admin = (await strapi.service('admin::user').create({
    email: `${ADMIN_MARKER}@example.invalid`,
    firstname: `${ADMIN_MARKER}first`,
    lastname: `${ADMIN_MARKER}last`,
    password: 'Leak-Passw0rd!',
    isActive: true,
    registrationToken: null,
    roles: [role.id],
  })) as { id: number };

  const create = async (uid: string, data: Record<string, unknown>, options: { publish?: boolean; en?: Record<string, unknown> } = {}) => {
    const doc = await createDocument(strapi, uid, { ...data, ...privateData(strapi, uid, fixtures) }, options);
    await stampAuthor(strapi, uid, doc.documentId, admin.id);
    return doc;
  };
  /** Published, then edited: the newer draft (both locales) carries the draft marker. */
  const publishedWithNewerDraft = async (uid: string, data: Record<string, unknown>, draftChanges: Record<string, unknown>, en?: Record<string, unknown>) => {
    const doc = await create(uid, data, { publish: true, en });
    await strapi.documents(uid as never).update({ documentId: doc.documentId, locale: 'vi', data: draftChanges } as never);
    if (en) await strapi.documents(uid as never).update({ documentId: doc.documentId, locale: 'en', data: draftChanges } as never);
    await stampAuthor(strapi, uid, doc.documentId, admin.id);
    track(fixtures, uid, 'published', doc.documentId);
    return doc;
  };
  const neverPublished = async (uid: string, data: Record<string, unknown>) => {
    const doc = await create(uid, data);
    track(fixtures, uid, 'neverPublished', doc.documentId);
    return doc;
  };
  const plain = async (uid: string, data: Record<string, unknown>) => {
    const doc = await create(uid, data);
    track(fixtures, uid, 'published', doc.documentId);
    return doc;
  };

  const file = (await strapi.db.query('plugin::upload.file').create({
    data: {
      name: 'quyet-dinh.pdf',
      hash: 'quyet_dinh_leak',
      ext: '.pdf',
      mime: 'application/pdf',
      size: 1.2,
      url: '/uploads/quyet_dinh_leak.pdf',
      provider: 'local',
      createdBy: admin.id,
      updatedBy: admin.id,
    },
  })) as Doc;

  const agency = await plain('api::agency.agency', { name: 'Sở Thử nghiệm Rò rỉ', code: 'SO-LEAK', kind: 'department' });
  await plain('api::focal-point.focal-point', { fullName: 'Đầu mối Công khai', agency: agency.documentId, role: 'focal-point', appointmentDocument: file.id });
  const audience = await plain('api::audience.audience', { name: 'Người dân thử nghiệm', slug: 'nguoi-dan-thu-nghiem' });

  const policy = await publishedWithNewerDraft(
    'api::policy.policy',
    { title: 'Chính sách công khai', summary: 'Tóm tắt công khai.', stage: 'adopted', leadAgency: agency.documentId, audiences: [audience.documentId], attachments: [file.id] },
    { title: `${DRAFT_MARKER} tiêu đề bản nháp`, summary: `${DRAFT_MARKER} tóm tắt bản nháp`, documentNumber: `${DRAFT_MARKER}-01` },
    { title: 'Public policy', summary: 'Public summary.' },
  );
  const hiddenPolicy = await neverPublished('api::policy.policy', {
    title: `${DRAFT_MARKER} chính sách chưa ban hành`,
    summary: `${DRAFT_MARKER} nội dung chưa công bố`,
    stage: 'proposal',
    leadAgency: agency.documentId,
    audiences: [audience.documentId],
    attachments: [file.id],
  });

  const window = { opensAt: new Date(Date.now() - 86_400_000).toISOString(), closesAt: new Date(Date.now() + 10 * 86_400_000).toISOString() };
  const draft = await publishedWithNewerDraft(
    'api::consultation-draft.consultation-draft',
    { title: 'Dự thảo công khai', policy: policy.documentId, version: 1, summary: 'Lấy ý kiến công khai.', ...window },
    { title: `${DRAFT_MARKER} dự thảo sửa`, summary: `${DRAFT_MARKER} tóm tắt sửa` },
  );
  await neverPublished('api::consultation-draft.consultation-draft', { title: `${DRAFT_MARKER} dự thảo ẩn`, policy: hiddenPolicy.documentId, version: 1, ...window });

  await publishedWithNewerDraft(
    'api::radio-script.radio-script',
    { title: 'Bản tin công khai', policy: policy.documentId, language: 'vi', script: 'Nội dung bản tin công khai.' },
    { title: `${DRAFT_MARKER} bản tin sửa`, script: `${DRAFT_MARKER} kịch bản sửa` },
  );
  await neverPublished('api::radio-script.radio-script', {
    title: `${DRAFT_MARKER} bản tin ẩn`,
    policy: hiddenPolicy.documentId,
    language: 'vi',
    script: `${DRAFT_MARKER} kịch bản chưa duyệt`,
  });

  for (const target of [{ policy: policy.documentId }, { consultationDraft: draft.documentId }]) {
    const feedback = await plain('api::feedback.feedback', {
      ...target,
      submitterType: 'citizen',
      content: `${DRAFT_MARKER} nội dung góp ý riêng tư`,
      category: 'question',
      publicConsent: false,
    });
    const row = (await strapi.db.query('api::feedback.feedback').findOne({ where: { documentId: feedback.documentId } })) as { trackingCode: string };
    fixtures.trackingCodes.push(row.trackingCode);
  }
  // The public draft's consultation outcome is published, so its outcome route answers 200 with the feedback above
  // (no consent: its words, which carry the marker, must stay out).
  await strapi.db.query('api::consultation-draft.consultation-draft').updateMany({ where: { documentId: draft.documentId }, data: { outcomePublishedAt: new Date() } });
  return fixtures;
};

/** The content types `plantLeakFixtures` covers; the suite fails when an `api::` type is missing here. */
export const FIXTURE_TYPES = [
  'api::agency.agency',
  'api::focal-point.focal-point',
  'api::audience.audience',
  'api::policy.policy',
  'api::consultation-draft.consultation-draft',
  'api::radio-script.radio-script',
  'api::feedback.feedback',
];
