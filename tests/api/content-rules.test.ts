import { asAdmin, loginAdmin, SUPER_ADMIN, SUPER_ADMIN_ENV } from '../helpers/admin';
import { createFullAccessToken } from '../helpers/api-token';
import { consultationDraftData, createDocument, policyData } from '../helpers/content';
import { startTestApp, type TestApp } from '../helpers/strapi';

const POLICY = 'api::policy.policy';
const DRAFT = 'api::consultation-draft.consultation-draft';
const FEEDBACK = 'api::feedback.feedback';
const CM = '/content-manager/collection-types';

let app: TestApp;
let admin: ReturnType<typeof asAdmin>;
let apiToken: string;
let policyId: string;
let draftId: string;

beforeAll(async () => {
  app = await startTestApp('content-rules', SUPER_ADMIN_ENV);
  admin = asAdmin(app.strapi, await loginAdmin(app.strapi, SUPER_ADMIN.email, SUPER_ADMIN.password));
  apiToken = await createFullAccessToken(app.strapi);
  policyId = (await createDocument(app.strapi, POLICY, policyData(), { publish: true })).documentId;
  draftId = (await createDocument(app.strapi, DRAFT, consultationDraftData(policyId), { publish: true })).documentId;
});

afterAll(async () => {
  await app.stop();
});

const expectValidationError = (response: { status: number; body: { error: { name: string; message: string } } }, text: RegExp) => {
  expect(response.status).toBe(400);
  expect(response.body.error.name).toBe('ValidationError');
  expect(response.body.error.message).toMatch(text);
};

describe('a consultation window must close after it opens', () => {
  const backwards = { opensAt: '2026-05-10T00:00:00.000Z', closesAt: '2026-05-01T00:00:00.000Z' };

  it('is refused in the admin panel (content-manager API)', async () => {
    const response = await admin.post(`${CM}/${DRAFT}`).send(consultationDraftData(policyId, backwards));
    expectValidationError(response, /closesAt must be after opensAt/);
  });

  it('is refused on the REST API', async () => {
    const response = await app
      .http()
      .post('/api/consultation-drafts')
      .set('Authorization', `Bearer ${apiToken}`)
      .send({ data: consultationDraftData(policyId, backwards) });
    expectValidationError(response, /closesAt must be after opensAt/);
  });

  it('is refused when only closesAt is changed to before the stored opensAt', async () => {
    const response = await admin.put(`${CM}/${DRAFT}/${draftId}`).send({ closesAt: '2000-01-01T00:00:00.000Z' });
    expectValidationError(response, /closesAt/);
  });

  it('is refused by the document service itself, and an equal open and close is refused too', async () => {
    const at = '2026-06-01T00:00:00.000Z';
    await expect(
      app.strapi.documents(DRAFT).create({ data: consultationDraftData(policyId, { opensAt: at, closesAt: at }) } as never),
    ).rejects.toMatchObject({ name: 'ValidationError', message: 'closesAt must be after opensAt' });
  });

  it('accepts a correct window', async () => {
    const response = await admin.post(`${CM}/${DRAFT}`).send(consultationDraftData(policyId));
    expect(response.status).toBe(201);
  });
});

describe('a feedback targets exactly one of consultationDraft or policy', () => {
  const feedback = { content: 'Ý kiến của tôi về dự thảo này', submitterType: 'citizen' };

  it('is refused with no target', async () => {
    const response = await admin.post(`${CM}/${FEEDBACK}`).send(feedback);
    expectValidationError(response, /needs a target/);
  });

  it('is refused with both targets', async () => {
    const response = await admin.post(`${CM}/${FEEDBACK}`).send({ ...feedback, policy: policyId, consultationDraft: draftId });
    expectValidationError(response, /not both/);
  });

  it('accepts one target, then refuses an edit that adds a second one or moves it: the target is what the citizen commented on', async () => {
    const created = await admin.post(`${CM}/${FEEDBACK}`).send({ ...feedback, policy: { connect: [{ documentId: policyId }] } });
    expect(created.status).toBe(201);
    const edited = await admin
      .put(`${CM}/${FEEDBACK}/${created.body.data.documentId}`)
      .send({ consultationDraft: { connect: [{ documentId: draftId }] } });
    expectValidationError(edited, /consultationDraft cannot be changed/);
    const moved = await admin
      .put(`${CM}/${FEEDBACK}/${created.body.data.documentId}`)
      .send({ consultationDraft: { connect: [{ documentId: draftId }] }, policy: { disconnect: [{ documentId: policyId }] } });
    expectValidationError(moved, /cannot be changed/);
    const stored = await app.strapi.documents(FEEDBACK).findOne({ documentId: created.body.data.documentId, populate: ['policy', 'consultationDraft'] });
    expect(stored?.policy?.documentId).toBe(policyId);
    expect(stored?.consultationDraft).toBeNull();
  });
});

describe('a policy always has its plain-language summary', () => {
  it('is refused without summary in the admin panel', async () => {
    const response = await admin.post(`${CM}/${POLICY}`).send({ title: 'Chính sách thiếu tóm tắt' });
    expectValidationError(response, /summary is required/);
  });

  it('is refused without summary on the REST API', async () => {
    const response = await app
      .http()
      .post('/api/policies')
      .set('Authorization', `Bearer ${apiToken}`)
      .send({ data: { title: 'Chính sách thiếu tóm tắt' } });
    expectValidationError(response, /summary/);
  });

  it('is refused when an edit blanks the summary', async () => {
    const response = await admin.put(`${CM}/${POLICY}/${policyId}`).send({ summary: '   ' });
    expectValidationError(response, /summary is required/);
  });
});

describe('stage history', () => {
  const stages = async (documentId: string, locale = 'vi') => {
    const doc = await app.strapi.documents(POLICY).findOne({ documentId, locale, populate: ['stageHistory'] } as never);
    return ((doc as unknown as { stageHistory: Array<{ stage: string; changedAt: string }> }).stageHistory ?? []).map((entry) => entry.stage);
  };

  it('records the first stage when a policy is created in the admin panel', async () => {
    const response = await admin.post(`${CM}/${POLICY}`).send(policyData({ stage: 'proposal' }));
    expect(response.status).toBe(201);
    expect(response.body.data.stageHistory).toHaveLength(1);
    expect(response.body.data.stageHistory[0]).toMatchObject({ stage: 'proposal' });
    expect(Date.parse(response.body.data.stageHistory[0].changedAt)).not.toBeNaN();
  });

  it('appends on every stage change, on every write path, and not when the stage stays', async () => {
    const created = await admin.post(`${CM}/${POLICY}`).send(policyData({ stage: 'proposal' }));
    const documentId = created.body.data.documentId as string;

    const viaAdmin = await admin.put(`${CM}/${POLICY}/${documentId}`).send({ ...created.body.data, stage: 'drafting' });
    expect(viaAdmin.status).toBe(200);
    expect(await stages(documentId)).toEqual(['proposal', 'drafting']);

    const unchanged = await admin.put(`${CM}/${POLICY}/${documentId}`).send({ title: 'Tên mới', stage: 'drafting' });
    expect(unchanged.status).toBe(200);
    expect(await stages(documentId)).toEqual(['proposal', 'drafting']);

    const viaRest = await app
      .http()
      .put(`/api/policies/${documentId}`)
      .query({ status: 'draft' })
      .set('Authorization', `Bearer ${apiToken}`)
      .send({ data: { stage: 'adopted' } });
    expect(viaRest.status).toBe(200);
    expect(await stages(documentId)).toEqual(['proposal', 'drafting', 'adopted']);

    await app.strapi.documents(POLICY).update({ documentId, locale: 'vi', data: { stage: 'promulgated' } } as never);
    expect(await stages(documentId)).toEqual(['proposal', 'drafting', 'adopted', 'promulgated']);
  });

  it('shares the history with the English version without duplicating entries', async () => {
    const created = await admin.post(`${CM}/${POLICY}`).send(policyData({ stage: 'drafting' }));
    const documentId = created.body.data.documentId as string;
    const en = await admin
      .put(`${CM}/${POLICY}/${documentId}?locale=en`)
      .send({ title: 'English title', summary: 'English summary', stage: 'drafting' });
    expect(en.status).toBe(200);
    expect(await stages(documentId, 'en')).toEqual(['drafting']);
    await admin.put(`${CM}/${POLICY}/${documentId}?locale=en`).send({ stage: 'adopted' });
    expect(await stages(documentId, 'en')).toEqual(['drafting', 'adopted']);
    expect(await stages(documentId, 'vi')).toEqual(['drafting', 'adopted']);
  });
});
