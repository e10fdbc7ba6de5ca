import { asAdmin, loginAdmin, SUPER_ADMIN, SUPER_ADMIN_ENV } from '../helpers/admin';
import { createFullAccessToken } from '../helpers/api-token';
import { agencyData, consultationDraftData, createDocument, policyData } from '../helpers/content';
import { FEEDBACK_UID, intakeBody, storedFeedback, type StoredFeedback, UNLIMITED_RATE_ENV } from '../helpers/feedback';
import { startTestApp, type TestApp } from '../helpers/strapi';

/**
 * What a citizen submitted is theirs: no admin role and no API path changes the content, the
 * contact details, the consent to publish, the target, the submitter type, the source or the
 * tracking code. Agencies add a response, a status and an agency; a form that sends the
 * submitted values back unchanged is accepted.
 */

const POLICY = 'api::policy.policy';
const DRAFT = 'api::consultation-draft.consultation-draft';
const AGENCY = 'api::agency.agency';
const CM = `/content-manager/collection-types/${FEEDBACK_UID}`;

let app: TestApp;
let admin: ReturnType<typeof asAdmin>;
let apiToken: string;
const ids: Record<string, string> = {};
let feedback: StoredFeedback;

const SUBMITTED_CHANGES: Array<[string, unknown]> = [
  ['content', 'Nội dung đã bị sửa.'],
  ['fullName', 'Người Khác'],
  ['organizationName', 'Công ty Không Liên Quan'],
  ['email', 'other@example.vn'],
  ['phone', '0987654321'],
  ['publicConsent', false],
  ['submitterType', 'business'],
  ['source', 'zalo'],
  ['trackingCode', 'GY-AAAA-BBBB'],
];

const reload = async () => (await storedFeedback(app.strapi, { documentId: feedback.documentId }))[0];

const expectUnchanged = async () => {
  const row = await reload();
  for (const [field] of SUBMITTED_CHANGES) expect(row[field]).toEqual(feedback[field]);
  expect((row.consultationDraft as { documentId: string }).documentId).toBe(ids.draft);
  expect(row.policy).toBeNull();
};

beforeAll(async () => {
  app = await startTestApp('feedback-submission-immutable', { ...SUPER_ADMIN_ENV, ...UNLIMITED_RATE_ENV });
  const { strapi } = app;
  admin = asAdmin(strapi, await loginAdmin(strapi, SUPER_ADMIN.email, SUPER_ADMIN.password));
  apiToken = await createFullAccessToken(strapi);
  ids.agency = (await createDocument(strapi, AGENCY, agencyData())).documentId;
  ids.policy = (await createDocument(strapi, POLICY, policyData(), { publish: true })).documentId;
  ids.otherPolicy = (await createDocument(strapi, POLICY, policyData(), { publish: true })).documentId;
  ids.draft = (await createDocument(strapi, DRAFT, consultationDraftData(ids.policy), { publish: true })).documentId;
  const response = await app.http().post('/api/feedbacks').send(intakeBody({ consultationDraft: ids.draft }, { organizationName: 'Hợp tác xã Bản Khoang' }));
  expect(response.status).toBe(201);
  [feedback] = await storedFeedback(strapi, { trackingCode: response.body.data.trackingCode });
});

afterAll(async () => {
  await app.stop();
});

describe('through the content manager (super admin)', () => {
  it.each(SUBMITTED_CHANGES)('refuses to change %s with 400 naming the field', async (field, value) => {
    const response = await admin.put(`${CM}/${feedback.documentId}`).send({ [field]: value });
    expect(response.status).toBe(400);
    expect(response.body.error.name).toBe('ValidationError');
    expect(response.body.error.message).toContain(`${field} cannot be changed`);
    expect(response.body.error.details.errors[0].path).toEqual([field]);
    await expectUnchanged();
  });

  it('refuses to move the feedback to another target, or to take its target away', async () => {
    const moved = await admin.put(`${CM}/${feedback.documentId}`).send({ policy: { connect: [{ documentId: ids.otherPolicy, locale: 'vi' }] } });
    expect(moved.status).toBe(400);
    expect(moved.body.error.details.errors[0].path).toEqual(['policy']);
    const detached = await admin.put(`${CM}/${feedback.documentId}`).send({ consultationDraft: { disconnect: [{ documentId: ids.draft, locale: 'vi' }] } });
    expect(detached.status).toBe(400);
    expect(detached.body.error.details.errors[0].path).toEqual(['consultationDraft']);
    await expectUnchanged();
  });

  it('accepts the form sending the submitted values back unchanged with the agency’s own work', async () => {
    const response = await admin.put(`${CM}/${feedback.documentId}`).send({
      content: feedback.content,
      fullName: feedback.fullName,
      organizationName: feedback.organizationName,
      email: feedback.email,
      phone: feedback.phone,
      publicConsent: feedback.publicConsent,
      submitterType: feedback.submitterType,
      source: feedback.source,
      trackingCode: feedback.trackingCode,
      consultationDraft: { connect: [], disconnect: [] },
      policy: { connect: [], disconnect: [] },
      category: 'question',
      moderationStatus: 'assigned',
      respondingAgency: { connect: [{ documentId: ids.agency, locale: 'vi' }] },
    });
    expect(response.status).toBe(200);
    const row = await reload();
    expect(row.moderationStatus).toBe('assigned');
    expect(row.category).toBe('question');
    await expectUnchanged();
  });
});

describe('through the REST API (full-access token) and the document service', () => {
  it('refuses a REST update of the content with 400 naming the field', async () => {
    const response = await app
      .http()
      .put(`/api/feedbacks/${feedback.documentId}`)
      .set('Authorization', `Bearer ${apiToken}`)
      .send({ data: { content: 'Sửa qua API.' } });
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors[0].path).toEqual(['content']);
    await expectUnchanged();
  });

  it('refuses a document-service update of the consent to publish', async () => {
    await expect(
      app.strapi.documents(FEEDBACK_UID).update({ documentId: feedback.documentId, data: { publicConsent: false } } as never),
    ).rejects.toMatchObject({ name: 'ValidationError', message: expect.stringContaining('publicConsent cannot be changed') });
    await expectUnchanged();
  });

  it('still lets the agency answer through the document service', async () => {
    await app.strapi.documents(FEEDBACK_UID).update({ documentId: feedback.documentId, data: { moderationStatus: 'answered', response: 'Đã tiếp thu.' } } as never);
    const row = await reload();
    expect(row.moderationStatus).toBe('answered');
    await expectUnchanged();
  });
});
