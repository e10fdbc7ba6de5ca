import { createFullAccessToken } from '../helpers/api-token';
import { agencyData, consultationDraftData, createDocument, policyData } from '../helpers/content';
import { startTestApp, type TestApp } from '../helpers/strapi';

const AGENCY = 'api::agency.agency';
const FOCAL_POINT = 'api::focal-point.focal-point';
const AUDIENCE = 'api::audience.audience';
const POLICY = 'api::policy.policy';
const DRAFT = 'api::consultation-draft.consultation-draft';
const FEEDBACK = 'api::feedback.feedback';

const SECRET_EMAIL = 'dau.moi.secret@laocai.gov.vn';
const SECRET_PHONE = '0911222333';
const DAY = 86_400_000;

let app: TestApp;
let token: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  app = await startTestApp('public-api');
  const { strapi } = app;
  token = await createFullAccessToken(strapi);

  ids.agency = (await createDocument(strapi, AGENCY, agencyData({ name: 'Sở Văn hóa', code: 'SO-VH' }), { en: { name: 'Department of Culture' } })).documentId;
  ids.focalPoint = (
    await strapi.documents(FOCAL_POINT).create({
      data: { fullName: 'Nguyễn Văn Đầu Mối', agency: ids.agency, email: SECRET_EMAIL, phone: SECRET_PHONE, role: 'focal-point' } as never,
    })
  ).documentId;
  ids.audience = (await createDocument(strapi, AUDIENCE, { name: 'Người dân', slug: 'nguoi-dan' })).documentId;

  ids.bilingual = (
    await createDocument(strapi, POLICY, policyData({ title: 'Chính sách song ngữ', leadAgency: ids.agency, audiences: [ids.audience] }), {
      publish: true,
      en: { title: 'Bilingual policy', summary: 'Plain-language summary.' },
    })
  ).documentId;
  ids.viOnly = (await createDocument(strapi, POLICY, policyData({ title: 'Chính sách chỉ tiếng Việt' }), { publish: true })).documentId;
  ids.neverPublished = (await createDocument(strapi, POLICY, policyData({ title: 'Bản nháp nội bộ' }))).documentId;

  const now = Date.now();
  const window = (opens: number, closes: number) => ({
    opensAt: new Date(now + opens * DAY).toISOString(),
    closesAt: new Date(now + closes * DAY).toISOString(),
  });
  ids.open = (await createDocument(strapi, DRAFT, consultationDraftData(ids.bilingual, { title: 'Đang mở', ...window(-1, 10) }), { publish: true })).documentId;
  ids.upcoming = (await createDocument(strapi, DRAFT, consultationDraftData(ids.bilingual, { title: 'Sắp mở', ...window(5, 10) }), { publish: true })).documentId;
  ids.closed = (await createDocument(strapi, DRAFT, consultationDraftData(ids.bilingual, { title: 'Đã đóng', ...window(-20, -10) }), { publish: true })).documentId;
  ids.unpublishedDraft = (await createDocument(strapi, DRAFT, consultationDraftData(ids.bilingual, { title: 'Chưa công bố' }))).documentId;

  ids.feedback = (
    await strapi.documents(FEEDBACK).create({
      data: { policy: ids.bilingual, content: 'Góp ý riêng tư của người dân', fullName: 'Người Góp Ý', email: 'nguoi.gop.y@example.vn', phone: '0900000001' } as never,
    })
  ).documentId;
});

afterAll(async () => {
  await app.stop();
});

const titles = (body: { data: Array<{ title: string }> }) => body.data.map((entry) => entry.title).sort();

describe('public reads of policies', () => {
  it('lists only published policies and hides a never-published draft', async () => {
    const response = await app.http().get('/api/policies');
    expect(response.status).toBe(200);
    expect(titles(response.body)).toEqual(['Chính sách chỉ tiếng Việt', 'Chính sách song ngữ']);
    expect((await app.http().get(`/api/policies/${ids.neverPublished}`)).status).toBe(404);
  });

  it('refuses status=draft to the public on REST and GraphQL, but lets an API token preview drafts', async () => {
    const rest = await app.http().get('/api/policies').query({ status: 'draft' });
    expect(rest.status).toBe(403);
    expect(rest.body.error.message).toMatch(/published/);

    const graphql = await app.http().post('/graphql').send({ query: '{ policies(status: DRAFT) { title } }' });
    expect(graphql.status).toBe(403);
    expect(graphql.body.errors[0].extensions.code).toBe('FORBIDDEN');

    const preview = await app.http().get('/api/policies').query({ status: 'draft' }).set('Authorization', `Bearer ${token}`);
    expect(preview.status).toBe(200);
    expect(titles(preview.body)).toContain('Bản nháp nội bộ');
  });

  it('serves the default locale vi, and en only where an English version exists (no fallback)', async () => {
    const en = await app.http().get('/api/policies').query({ locale: 'en' });
    expect(en.status).toBe(200);
    expect(titles(en.body)).toEqual(['Bilingual policy']);

    const missingEn = await app.http().get(`/api/policies/${ids.viOnly}`).query({ locale: 'en' });
    expect(missingEn.status).toBe(404);

    const vi = await app.http().get(`/api/policies/${ids.bilingual}`).query({ populate: 'localizations' });
    expect(vi.body.data.locale).toBe('vi');
    expect(vi.body.data.localizations.map((l: { locale: string }) => l.locale)).toEqual(['en']);
  });

  it('populates the lead agency and audiences', async () => {
    const response = await app.http().get(`/api/policies/${ids.bilingual}`).query({ populate: ['leadAgency', 'audiences', 'stageHistory'] });
    expect(response.status).toBe(200);
    expect(response.body.data.leadAgency.code).toBe('SO-VH');
    expect(response.body.data.audiences[0].slug).toBe('nguoi-dan');
    expect(response.body.data.stageHistory.map((change: { stage: string }) => change.stage)).toEqual(['drafting']);
  });
});

describe('public reads of consultation drafts', () => {
  it('lists published drafts only, each with its computed consultationStatus', async () => {
    const response = await app.http().get('/api/consultation-drafts').query({ sort: 'title' });
    expect(response.status).toBe(200);
    const byTitle = Object.fromEntries(response.body.data.map((d: { title: string; consultationStatus: string }) => [d.title, d.consultationStatus]));
    expect(byTitle).toEqual({ 'Đang mở': 'open', 'Sắp mở': 'upcoming', 'Đã đóng': 'closed' });
    expect((await app.http().get(`/api/consultation-drafts/${ids.unpublishedDraft}`)).status).toBe(404);
  });

  it('computes consultationStatus even when fields leaves out the dates', async () => {
    const response = await app.http().get(`/api/consultation-drafts/${ids.upcoming}`).query({ fields: ['title'] });
    expect(response.status).toBe(200);
    expect(response.body.data).not.toHaveProperty('opensAt');
    expect(response.body.data.consultationStatus).toBe('upcoming');
  });

  it('exposes consultationStatus in GraphQL too', async () => {
    const response = await app.http().post('/graphql').send({
      query: `{ consultationDraft(documentId: "${ids.closed}") { title consultationStatus } }`,
    });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.consultationDraft).toEqual({ title: 'Đã đóng', consultationStatus: 'closed' });
    const list = await app.http().post('/graphql').send({ query: '{ consultationDrafts { consultationStatus } }' });
    expect(list.body.data.consultationDrafts.map((d: { consultationStatus: string }) => d.consultationStatus).sort()).toEqual(['closed', 'open', 'upcoming']);
  });
});

describe('public reads of agencies, focal points and audiences', () => {
  it('answers agencies in vi and en, audiences and focal points', async () => {
    const agencies = await app.http().get('/api/agencies');
    expect(agencies.body.data.map((a: { name: string }) => a.name)).toEqual(['Sở Văn hóa']);
    const agenciesEn = await app.http().get('/api/agencies').query({ locale: 'en' });
    expect(agenciesEn.body.data.map((a: { name: string }) => a.name)).toEqual(['Department of Culture']);
    expect((await app.http().get('/api/audiences')).body.data[0].name).toBe('Người dân');
    const focal = await app.http().get(`/api/focal-points/${ids.focalPoint}`).query({ populate: 'agency' });
    expect(focal.status).toBe(200);
    expect(focal.body.data.fullName).toBe('Nguyễn Văn Đầu Mối');
    expect(focal.body.data.agency.code).toBe('SO-VH');
  });
});

describe('private fields never leave through the public API', () => {
  const leaks = (body: unknown) => {
    const text = JSON.stringify(body);
    return text.includes(SECRET_EMAIL) || text.includes(SECRET_PHONE);
  };

  it('omits email and phone under populate=*', async () => {
    const response = await app.http().get('/api/focal-points').query({ populate: '*' });
    expect(response.status).toBe(200);
    expect(response.body.data[0]).not.toHaveProperty('email');
    expect(response.body.data[0]).not.toHaveProperty('phone');
    expect(leaks(response.body)).toBe(false);
    const agencies = await app.http().get('/api/agencies').query({ populate: { focalPoints: { populate: '*' } } });
    expect(agencies.status).toBe(200);
    expect(agencies.body.data[0].focalPoints[0]).not.toHaveProperty('phone');
    expect(leaks(agencies.body)).toBe(false);
  });

  it.each([
    ['selecting it with fields[]=email', '/api/focal-points?fields[0]=email', 'email'],
    ['filtering by it', `/api/focal-points?filters[email][$eq]=${encodeURIComponent(SECRET_EMAIL)}`, 'email'],
    ['filtering with an operator', '/api/focal-points?filters[phone][$startsWith]=09', 'phone'],
    ['sorting by it', '/api/focal-points?sort=phone', 'phone'],
    ['selecting it in a nested populate', '/api/agencies?populate[focalPoints][fields][0]=phone', 'phone'],
    ['filtering through a relation', `/api/agencies?filters[focalPoints][email][$eq]=${encodeURIComponent(SECRET_EMAIL)}`, 'email'],
    ['sorting a nested populate', '/api/agencies?populate[focalPoints][sort]=email', 'email'],
  ])('refuses %s with a 400 naming the field', async (_label, url, field) => {
    const response = await app.http().get(url);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain(field);
    expect(leaks(response.body)).toBe(false);
  });

  it('has no email or phone on the GraphQL FocalPoint type', async () => {
    const response = await app.http().post('/graphql').send({ query: '{ focalPoints { fullName phone } }' });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].message).toMatch(/Cannot query field "phone"/);
  });
});

describe('feedback is not readable by the public', () => {
  it.each([
    ['list', 'get', '/api/feedbacks'],
    ['one', 'get', '/api/feedbacks/__ID__'],
  ] as const)('refuses the REST %s read with 403', async (_label, method, url) => {
    const response = await app.http()[method](url.replace('__ID__', ids.feedback));
    expect(response.status).toBe(403);
    expect(JSON.stringify(response.body)).not.toContain('Góp ý riêng tư');
  });

  it('opens creation only through the public intake, which validates the body (tests/api/feedback-intake.test.ts)', async () => {
    const response = await app.http().post('/api/feedbacks').send({ data: { policy: ids.bilingual, content: 'Xin chào các anh chị' } });
    expect(response.status).toBe(400);
    expect(response.body.error.name).toBe('ValidationError');
  });

  it('refuses the GraphQL read', async () => {
    const response = await app.http().post('/graphql').send({ query: '{ feedbacks { content } }' });
    expect(response.body.data).toBeNull();
    expect(response.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});

describe('REST parameters', () => {
  it('pages 25 by default and caps pageSize at 100', async () => {
    for (let index = 0; index < 30; index += 1) {
      await app.strapi.documents(AUDIENCE).create({ locale: 'vi', data: { name: `Nhóm ${index}`, slug: `nhom-${index}` } } as never);
    }
    const byDefault = await app.http().get('/api/audiences');
    expect(byDefault.body.data).toHaveLength(25);
    expect(byDefault.body.meta.pagination).toMatchObject({ page: 1, pageSize: 25, total: 31 });
    const capped = await app.http().get('/api/audiences').query({ pagination: { pageSize: 500 } });
    expect(capped.status).toBe(200);
    expect(capped.body.data).toHaveLength(31);
    expect(capped.body.meta.pagination.pageSize).toBe(100);
  });

  it('rejects an unknown query parameter with a 400 naming it', async () => {
    const response = await app.http().get('/api/policies').query({ publicationState: 'preview' });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('publicationState');
  });

  it('rejects an unknown body field with a 400 naming it', async () => {
    const response = await app
      .http()
      .post('/api/policies')
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { title: 'Chính sách', summary: 'Tóm tắt', secretFlag: true } });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('secretFlag');
  });
});

describe('languages', () => {
  it('tells anyone which locales exist, Vietnamese the default', async () => {
    const response = await app.http().get('/api/i18n/locales');
    expect(response.status).toBe(200);
    const locales = response.body as Array<{ code: string; isDefault: boolean }>;
    expect(locales.map((locale) => locale.code).sort()).toEqual(['en', 'vi']);
    expect(locales.find((locale) => locale.isDefault)?.code).toBe('vi');
  });
});
