import { createFullAccessToken } from '../helpers/api-token';
import { asAdmin, loginAdmin, SUPER_ADMIN, SUPER_ADMIN_ENV } from '../helpers/admin';
import { createDocument, policyData, publishTrusted } from '../helpers/content';
import { startTestApp, type TestApp } from '../helpers/strapi';

const POLICY = 'api::policy.policy';

let app: TestApp;
let policyId: string;

beforeAll(async () => {
  app = await startTestApp('http-caching', { ...SUPER_ADMIN_ENV, HTTP_CACHE_MAX_AGE: '120' });
  policyId = (await createDocument(app.strapi, POLICY, policyData({ title: 'Chính sách bộ nhớ đệm' }), { publish: true })).documentId;
  await createDocument(app.strapi, POLICY, policyData({ title: 'Bản nháp không được lưu đệm' }));
});

afterAll(async () => {
  await app.stop();
});

const STRONG_ETAG = /^"[A-Za-z0-9_-]{16,}"$/;

describe('anonymous reads of published content are cacheable and revalidate with 304', () => {
  it.each([
    ['a list', () => '/api/policies?locale=vi'],
    ['a single document', () => `/api/policies/${policyId}?locale=vi`],
    ['the public feedback list', () => `/api/feedbacks/public?policy=${policyId}`],
  ])('%s: strong ETag, public max-age from config, Vary Accept-Encoding, then 304 with no body', async (_label, url) => {
    const first = await app.http().get(url());
    expect(first.status).toBe(200);
    expect(first.headers.etag).toMatch(STRONG_ETAG);
    expect(first.headers['cache-control']).toBe('public, max-age=120');
    expect(first.headers.vary).toMatch(/Accept-Encoding/);
    expect(first.headers['content-type']).toMatch(/^application\/json/);

    const again = await app.http().get(url()).set('If-None-Match', first.headers.etag);
    expect(again.status).toBe(304);
    expect(again.text ?? '').toBe('');
    expect(again.headers.etag).toBe(first.headers.etag);

    const stale = await app.http().get(url()).set('If-None-Match', '"not-the-current-one"');
    expect(stale.status).toBe(200);
    expect(stale.body).toEqual(first.body);
  });

  it('changes the ETag when the published content changes, and never serves the draft', async () => {
    const url = `/api/policies/${policyId}?locale=vi`;
    const before = await app.http().get(url);
    await app.strapi.documents(POLICY).update({ documentId: policyId, locale: 'vi', data: { summary: 'Tóm tắt đã sửa, chưa xuất bản.' } } as never);
    const draftOnly = await app.http().get(url).set('If-None-Match', before.headers.etag);
    expect(draftOnly.status).toBe(304);
    await publishTrusted(app.strapi, POLICY, policyId);
    const after = await app.http().get(url).set('If-None-Match', before.headers.etag);
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.body.data.summary).toBe('Tóm tắt đã sửa, chưa xuất bản.');
    const list = await app.http().get('/api/policies?locale=vi');
    expect(JSON.stringify(list.body)).not.toContain('Bản nháp không được lưu đệm');
  });

  it('keeps the same ETag for the same answer (a cache may share it across clients)', async () => {
    const a = await app.http().get('/api/policies?locale=vi');
    const b = await app.http().get('/api/policies?locale=vi');
    expect(b.headers.etag).toBe(a.headers.etag);
    const other = await app.http().get('/api/policies?locale=vi&pagination[pageSize]=1');
    expect(other.headers.etag).not.toBe(a.headers.etag);
  });
});

describe('authenticated, admin and error answers never enter a shared cache', () => {
  it('answers an API-token read private, no-store, without an ETag to revalidate', async () => {
    const token = await createFullAccessToken(app.strapi);
    const response = await app.http().get('/api/policies?locale=vi').set('Authorization', `Bearer ${token}`);
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('private, no-store');
    expect(response.headers.etag).toBeUndefined();
  });

  it('answers the admin API private, no-store', async () => {
    const admin = asAdmin(app.strapi, await loginAdmin(app.strapi, SUPER_ADMIN.email, SUPER_ADMIN.password));
    const response = await admin.get(`/content-manager/collection-types/${POLICY}`);
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('private, no-store');
  });

  it('does not mark errors or writes cacheable', async () => {
    const missing = await app.http().get('/api/policies/doesnotexist00000000000');
    expect(missing.status).toBe(404);
    expect(missing.headers['cache-control'] ?? '').not.toMatch(/public/);
    expect(missing.headers.etag).toBeUndefined();
    const badQuery = await app.http().get('/api/policies?sort=.');
    expect(badQuery.status).toBe(400);
    expect(badQuery.headers['cache-control'] ?? '').not.toMatch(/public/);
  });
});
