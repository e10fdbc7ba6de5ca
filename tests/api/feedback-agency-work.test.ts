import request from 'supertest';
import { asAdmin, createAdminUser, loginAdmin, SUPER_ADMIN, SUPER_ADMIN_ENV } from '../helpers/admin';
import { agencyData, consultationDraftData, createDocument, policyData } from '../helpers/content';
import { FEEDBACK_UID, intakeBody, storedFeedback, UNLIMITED_RATE_ENV } from '../helpers/feedback';
import { startTestApp, type TestApp } from '../helpers/strapi';

const AGENCY = 'api::agency.agency';
const FOCAL_POINT = 'api::focal-point.focal-point';
const POLICY = 'api::policy.policy';
const DRAFT = 'api::consultation-draft.consultation-draft';
const CM = `/content-manager/collection-types/${FEEDBACK_UID}`;
const DAY = 86_400_000;
const FOCAL_EMAIL = 'dau.moi.gddt@laocai.gov.vn';

let app: TestApp;
let admin: ReturnType<typeof asAdmin>;
let focal: ReturnType<typeof asAdmin>;
let reader: ReturnType<typeof asAdmin>;
const ids: Record<string, string> = {};

/** An admin role with the given permissions; the feedback read permission lists only `fields`. */
const createRole = async (name: string, actions: string[], feedbackFields: string[]) => {
  const role = await app.strapi.service('admin::role').create({ name, description: name });
  await app.strapi.service('admin::role').assignPermissions(role.id, [
    ...actions.map((action) => ({ action, subject: null, properties: {}, conditions: [] })),
    { action: 'plugin::content-manager.explorer.read', subject: FEEDBACK_UID, properties: { fields: feedbackFields }, conditions: [] },
  ]);
  return role.code as string;
};

const submit = async (target: Record<string, string>, overrides: Record<string, unknown> = {}) => {
  const response = await app.http().post('/api/feedbacks').send(intakeBody(target, overrides));
  expect(response.status).toBe(201);
  const [row] = await storedFeedback(app.strapi, { trackingCode: response.body.data.trackingCode });
  return row;
};

const setDueAt = (documentId: string, daysFromNow: number) =>
  app.strapi.db.query(FEEDBACK_UID).update({ where: { documentId }, data: { dueAt: new Date(Date.now() + daysFromNow * DAY) } });

const connect = (documentId: string) => ({ connect: [{ documentId, locale: 'vi' }] });

beforeAll(async () => {
  app = await startTestApp('feedback-agency-work', { ...SUPER_ADMIN_ENV, ...UNLIMITED_RATE_ENV });
  const { strapi } = app;
  admin = asAdmin(strapi, await loginAdmin(strapi, SUPER_ADMIN.email, SUPER_ADMIN.password));
  ids.education = (await createDocument(strapi, AGENCY, agencyData({ name: 'Sở Giáo dục và Đào tạo', code: 'SO-GDDT' }))).documentId;
  ids.finance = (await createDocument(strapi, AGENCY, agencyData({ name: 'Sở Tài chính', code: 'SO-TC' }))).documentId;
  await strapi.documents(FOCAL_POINT).create({ data: { fullName: 'Lò Văn Đầu Mối', agency: ids.education, email: FOCAL_EMAIL, role: 'focal-point' } } as never);
  ids.policy = (await createDocument(strapi, POLICY, policyData(), { publish: true })).documentId;
  ids.draft = (await createDocument(strapi, DRAFT, consultationDraftData(ids.policy, { title: 'Dự thảo nghị quyết hỗ trợ học sinh' }), { publish: true })).documentId;

  const focalRole = await createRole(
    'Đầu mối góp ý',
    ['plugin::public-participation.read', 'plugin::public-participation.export', 'plugin::public-participation.moderate'],
    ['content', 'moderationStatus', 'category', 'trackingCode'],
  );
  const readerRole = await createRole('Chỉ xem', ['plugin::public-participation.read'], ['content']);
  focal = asAdmin(strapi, (await createAdminUser(strapi, { email: FOCAL_EMAIL, firstname: 'Lò Văn', lastname: 'Đầu Mối', roleCodes: [focalRole] })).token);
  reader = asAdmin(strapi, (await createAdminUser(strapi, { email: 'reader@laocai.gov.vn', roleCodes: [readerRole] })).token);
});

afterAll(async () => {
  await app.stop();
});

describe('moderation in the admin panel (content manager)', () => {
  let feedback: string;

  beforeAll(async () => {
    feedback = (await submit({ consultationDraft: ids.draft }, { email: 'moderation@example.vn' })).documentId;
  });

  it('refuses an illegal jump with 400 naming the allowed next statuses', async () => {
    const response = await admin.put(`${CM}/${feedback}`).send({ moderationStatus: 'answered', response: 'Trả lời' });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('allowed next: assigned, rejected');
    expect(response.body.error.details).toMatchObject({ from: 'received', to: 'answered', allowed: ['assigned', 'rejected'] });
  });

  it('needs a responding agency to assign, then records who assigned and when', async () => {
    expect((await admin.put(`${CM}/${feedback}`).send({ moderationStatus: 'assigned' })).status).toBe(400);
    const response = await admin.put(`${CM}/${feedback}`).send({ moderationStatus: 'assigned', respondingAgency: connect(ids.education) });
    expect(response.status).toBe(200);
    const [row] = await storedFeedback(app.strapi, { documentId: feedback });
    expect(row.moderationStatus).toBe('assigned');
    expect((row.respondingAgency as { documentId: string }).documentId).toBe(ids.education);
    const history = row.statusHistory as Array<{ status: string; changedBy: string; changedAt: string }>;
    expect(history.map((entry) => entry.status)).toEqual(['received', 'assigned']);
    expect(history[1].changedBy).toMatch(/admin #\d+/);
    expect(Date.now() - new Date(history[1].changedAt).getTime()).toBeLessThan(60_000);
  });

  it('needs a response to answer, and sets respondedAt', async () => {
    const missing = await admin.put(`${CM}/${feedback}`).send({ moderationStatus: 'answered' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('response');
    const response = await admin.put(`${CM}/${feedback}`).send({ moderationStatus: 'answered', response: 'Ban soạn thảo đã tiếp thu ý kiến.' });
    expect(response.status).toBe(200);
    const [row] = await storedFeedback(app.strapi, { documentId: feedback });
    expect(row.respondedAt).toBeTruthy();
  });

  it('keeps the recorded history even when the form sends another one', async () => {
    const [before] = await storedFeedback(app.strapi, { documentId: feedback });
    // The form sends every field back; the citizen's content comes back unchanged, which is accepted.
    const response = await admin.put(`${CM}/${feedback}`).send({ statusHistory: [], content: before.content, category: 'question' });
    expect(response.status).toBe(200);
    const [row] = await storedFeedback(app.strapi, { documentId: feedback });
    expect((row.statusHistory as unknown[]).length).toBe(3);
  });

  it('closes, after which the feedback is final', async () => {
    expect((await admin.put(`${CM}/${feedback}`).send({ moderationStatus: 'closed' })).status).toBe(200);
    const reopen = await admin.put(`${CM}/${feedback}`).send({ moderationStatus: 'received' });
    expect(reopen.status).toBe(400);
    expect(reopen.body.error.message).toContain('"closed" is final');
  });

  it('shows the stored moderation status in the edit view and the list view', async () => {
    const one = await admin.get(`${CM}/${feedback}`);
    expect(one.status).toBe(200);
    expect(one.body.data.moderationStatus).toBe('closed');
    const list = await admin.get(CM);
    expect(list.status).toBe(200);
    const listed = list.body.results.find((doc: { documentId: string }) => doc.documentId === feedback);
    expect(listed.moderationStatus).toBe('closed');
  });

  it('needs a reason to reject', async () => {
    const other = (await submit({ consultationDraft: ids.draft }, { email: 'reject@example.vn' })).documentId;
    const missing = await admin.put(`${CM}/${other}`).send({ moderationStatus: 'rejected' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('rejectionReason');
    const response = await admin.put(`${CM}/${other}`).send({ moderationStatus: 'rejected', rejectionReason: 'out-of-scope' });
    expect(response.status).toBe(200);
    const [row] = await storedFeedback(app.strapi, { documentId: other });
    expect(row).toMatchObject({ moderationStatus: 'rejected', rejectionReason: 'out-of-scope' });
  });

  it('lets an agency record hotline feedback, with a tracking code and due date of its own', async () => {
    const response = await admin.post(CM).send({ policy: connect(ids.policy), submitterType: 'citizen', content: 'Ý kiến qua đường dây nóng.', category: 'question', source: 'hotline' });
    expect(response.status).toBe(201);
    const [row] = await storedFeedback(app.strapi, { documentId: response.body.data.documentId });
    expect(row.trackingCode).toMatch(/^GY-/);
    expect(row.dueAt).toBeTruthy();
  });
});

describe('the moderation endpoint', () => {
  it('moves a feedback through the workflow for a focal point, and is refused without the permission', async () => {
    const feedback = (await submit({ policy: ids.policy }, { email: 'endpoint@example.vn' })).documentId;
    const url = `/public-participation/feedbacks/${feedback}/transition`;
    expect((await reader.post(url).send({ moderationStatus: 'assigned', respondingAgency: ids.education })).status).toBe(403);
    const illegal = await focal.post(url).send({ moderationStatus: 'closed' });
    expect(illegal.status).toBe(400);
    expect(illegal.body.error.details.allowed).toEqual(['assigned', 'rejected']);
    const assigned = await focal.post(url).send({ moderationStatus: 'assigned', respondingAgency: ids.education });
    expect(assigned.status).toBe(200);
    expect(assigned.body.data).toMatchObject({ moderationStatus: 'assigned', allowedNext: ['answered', 'rejected'], respondingAgency: { name: 'Sở Giáo dục và Đào tạo' } });
    expect(assigned.body.data.history[1].changedBy).toContain('Lò Văn Đầu Mối');
    expect((await focal.post(url).send({ moderationStatus: 'answered', response: 'Đã trả lời.', extra: 1 })).status).toBe(400);
    const summary = await reader.get(`/public-participation/feedbacks/${feedback}/moderation`);
    expect(summary.status).toBe(200);
    expect(summary.body.data.moderationStatus).toBe('assigned');
  });
});

describe('overdue feedback', () => {
  const created: Record<string, string> = {};

  beforeAll(async () => {
    const make = async (key: string, agency: string | null, dueInDays: number, status: 'received' | 'assigned' | 'answered' | 'rejected' = agency ? 'assigned' : 'received') => {
      const row = await submit({ policy: ids.policy }, { email: `${key}@example.vn`, content: `Ý kiến kiểm tra quá hạn: ${key}.` });
      if (agency) await app.strapi.documents(FEEDBACK_UID).update({ documentId: row.documentId, data: { moderationStatus: 'assigned', respondingAgency: agency } } as never);
      if (status === 'answered') await app.strapi.documents(FEEDBACK_UID).update({ documentId: row.documentId, data: { moderationStatus: 'answered', response: 'Đã trả lời.' } } as never);
      if (status === 'rejected') await app.strapi.documents(FEEDBACK_UID).update({ documentId: row.documentId, data: { moderationStatus: 'rejected', rejectionReason: 'duplicate' } } as never);
      await setDueAt(row.documentId, dueInDays);
      created[key] = row.trackingCode;
    };
    await make('finance-oldest', ids.finance, -10);
    await make('education-late', ids.education, -2);
    await make('unassigned-late', null, -5);
    await make('education-not-yet-due', ids.education, 3);
    await make('answered-late', ids.education, -8, 'answered');
    await make('rejected-late', ids.finance, -8, 'rejected');
  });

  it('lists only feedback past its due date that is not answered, closed or rejected, longest overdue first', async () => {
    const response = await admin.get('/public-participation/overdue');
    expect(response.status).toBe(200);
    expect(response.body.data.map((row: { trackingCode: string }) => row.trackingCode)).toEqual([
      created['finance-oldest'],
      created['unassigned-late'],
      created['education-late'],
    ]);
    expect(response.body.data[0]).toMatchObject({ moderationStatus: 'assigned', daysOverdue: 10, respondingAgency: { code: 'SO-TC' }, mine: false });
    expect(JSON.stringify(response.body)).not.toContain('@example.vn');
  });

  it('puts the focal point’s own agency first', async () => {
    const response = await focal.get('/public-participation/overdue');
    expect(response.status).toBe(200);
    expect(response.body.data[0]).toMatchObject({ trackingCode: created['education-late'], mine: true });
    expect(response.body.meta.myAgencies).toEqual([ids.education]);
  });

  it('lists all open feedback for a focal point with their agency’s first, overdue or not', async () => {
    const response = await focal.get('/public-participation/open').query({ pageSize: 100 });
    expect(response.status).toBe(200);
    const rows = response.body.data as Array<{ trackingCode: string; mine: boolean; moderationStatus: string }>;
    const mineCount = rows.filter((row) => row.mine).length;
    expect(mineCount).toBeGreaterThanOrEqual(2);
    expect(rows.slice(0, mineCount).every((row) => row.mine)).toBe(true);
    expect(rows.map((row) => row.trackingCode)).toEqual(expect.arrayContaining([created['education-late'], created['education-not-yet-due']]));
    expect(rows.every((row) => row.moderationStatus === 'received' || row.moderationStatus === 'assigned')).toBe(true);
  });

  it('counts per agency, spam never counted', async () => {
    await submit({ policy: ids.policy }, { email: 'bot@example.vn', website: 'http://spam.example' });
    const response = await admin.get('/public-participation/agency-counts');
    expect(response.status).toBe(200);
    const byCode = Object.fromEntries(response.body.data.map((row: { agency: { code: string } | null }) => [row.agency?.code ?? 'none', row]));
    expect(byCode['SO-TC']).toMatchObject({ overdue: 1, open: 1, rejected: 1 });
    expect(byCode['SO-GDDT'].overdue).toBe(1);
    expect(byCode.none.overdue).toBe(1);
  });

  it('is refused to a user without the plugin permission and to anyone not logged in', async () => {
    const nobody = await createAdminUser(app.strapi, { email: 'author@laocai.gov.vn', roleCodes: ['strapi-author'] });
    expect((await asAdmin(app.strapi, nobody.token).get('/public-participation/overdue')).status).toBe(403);
    expect((await request(app.strapi.server.httpServer).get('/public-participation/overdue')).status).toBe(401);
  });
});

describe('consultation draft counts', () => {
  it('counts feedback on a draft by category and status, leaving spam out', async () => {
    const draft = (await createDocument(app.strapi, DRAFT, consultationDraftData(ids.policy), { publish: true })).documentId;
    await submit({ consultationDraft: draft }, { email: 'c1@example.vn', category: 'question' });
    await submit({ consultationDraft: draft }, { email: 'c2@example.vn', category: 'question' });
    await submit({ consultationDraft: draft }, { email: 'c3@example.vn', category: 'difficulty' });
    await submit({ consultationDraft: draft }, { email: 'c4@example.vn', website: 'bot' });
    const response = await reader.get(`/public-participation/consultation-drafts/${draft}/counts`);
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({
      total: 3,
      byCategory: { comment: 0, recommendation: 0, difficulty: 1, question: 2 },
      byStatus: { received: 3, assigned: 0, answered: 0, rejected: 0, closed: 0 },
      overdue: 0,
    });
  });
});

describe('the CSV export for the synthesis report', () => {
  let draft: string;
  const tricky = 'Ý kiến có dấu phẩy, "ngoặc kép" và\nxuống dòng; tiếng Việt: Đắk Lắk, Lào Cai.';

  beforeAll(async () => {
    draft = (await createDocument(app.strapi, DRAFT, consultationDraftData(ids.policy), { publish: true })).documentId;
    await submit({ consultationDraft: draft }, { email: 'csv@example.vn', fullName: 'Giàng Seo Páo', phone: '0987654321', content: tricky });
    await submit({ consultationDraft: draft }, { email: 'formula@example.vn', content: '=HYPERLINK("http://evil.example","bấm vào đây")' });
    await submit({ consultationDraft: draft }, { email: 'spam@example.vn', website: 'x', content: 'Nội dung rác quảng cáo không được xuất.' });
  });

  const csvOf = async (client: ReturnType<typeof asAdmin>) => {
    const response = await client.get(`/feedback-export/consultation-drafts/${draft}.csv`).buffer(true).parse((res, callback) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => callback(null, Buffer.concat(chunks)));
    });
    return response;
  };

  it('is UTF-8 with a BOM, Vietnamese intact, commas, quotes and newlines quoted, one row per feedback', async () => {
    const response = await csvOf(admin);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toContain('.csv');
    const bytes = response.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text).toContain(`"${tricky.replace(/"/g, '""')}"`);
    expect(text).toContain('Giàng Seo Páo');
    expect(text).toContain('csv@example.vn');
    expect(text).toContain('0987654321');
    expect(text.split('\r\n')[0]).toContain('Họ tên (name)');
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""bấm vào đây"")"`);
    expect(text).not.toContain('Nội dung rác');
    // Header + two feedback rows; the quoted newline stays inside its cell.
    expect(text.trimEnd().split('\r\n')).toHaveLength(3);
  });

  it('leaves out names, emails and phones for a role not allowed to read them', async () => {
    const response = await csvOf(focal);
    expect(response.status).toBe(200);
    const text = (response.body as Buffer).toString('utf8');
    expect(text).not.toContain('Giàng Seo Páo');
    expect(text).not.toContain('csv@example.vn');
    expect(text).not.toContain('0987654321');
    expect(text).not.toContain('Họ tên');
    expect(text).toContain('Đắk Lắk');
  });

  it('is refused without the export permission, and 404 for an unknown draft', async () => {
    expect((await reader.get(`/feedback-export/consultation-drafts/${draft}.csv`)).status).toBe(403);
    expect((await admin.get('/feedback-export/consultation-drafts/abcdefghijklmnopqrstuvwx.csv')).status).toBe(404);
    expect((await request(app.strapi.server.httpServer).get(`/feedback-export/consultation-drafts/${draft}.csv`)).status).toBe(401);
  });
});
