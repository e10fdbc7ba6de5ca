import { asAdmin, SUPER_ADMIN, SUPER_ADMIN_ENV } from '../helpers/admin';
import { createFullAccessToken } from '../helpers/api-token';
import { consultationDraftData, createDocument, policyData } from '../helpers/content';
import { intakeBody, UNLIMITED_RATE_ENV } from '../helpers/feedback';
import { startTestApp, type TestApp } from '../helpers/strapi';

/**
 * Response headers and request doors that keep the admin origin and the public API apart:
 * CORS allowlists (credentials only for the admin's own origin), admin cookies, caching of
 * personal data, body checks on every spelling of a public route, self-registration.
 */
const ADMIN_ORIGIN = 'https://cms.laocai.gov.vn';
const PORTAL_ORIGIN = 'https://portal.laocai.gov.vn';
const SIBLING_ORIGIN = 'https://evil.laocai.gov.vn';

let app: TestApp;
let adminToken: string;
let draftId: string;

beforeAll(async () => {
  app = await startTestApp('security-headers', {
    ...SUPER_ADMIN_ENV,
    ...UNLIMITED_RATE_ENV,
    CORS_ORIGINS: `${PORTAL_ORIGIN},https://h5.zdn.vn`,
    ADMIN_URL: `${ADMIN_ORIGIN}/admin`,
    PROXY: 'true',
    ADMIN_COOKIE_SECURE: 'true',
  });
  // Admin cookies are Secure here, as in production: sessions start over HTTPS (the TLS proxy says so).
  adminToken = (await app.http().post('/admin/login').set('X-Forwarded-Proto', 'https').send(SUPER_ADMIN)).body.data.token;
  const policy = (await createDocument(app.strapi, 'api::policy.policy', policyData(), { publish: true })).documentId;
  draftId = (await createDocument(app.strapi, 'api::consultation-draft.consultation-draft', consultationDraftData(policy), { publish: true })).documentId;
});

afterAll(async () => {
  await app.stop();
});

describe('CORS', () => {
  it('lets an allowed front end read the public API, without credentials', async () => {
    const response = await app.http().get('/api/policies').set('Origin', PORTAL_ORIGIN);
    expect(response.headers['access-control-allow-origin']).toBe(PORTAL_ORIGIN);
    expect(response.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('gives an origin outside CORS_ORIGINS no CORS headers on the public API or GraphQL', async () => {
    const rest = await app.http().get('/api/policies').set('Origin', SIBLING_ORIGIN);
    expect(rest.headers['access-control-allow-origin']).toBeUndefined();
    const graphql = await app.http().post('/graphql').set('Origin', SIBLING_ORIGIN).send({ query: '{ policies { title } }' });
    expect(graphql.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await app.http().options('/graphql').set('Origin', SIBLING_ORIGIN).set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('never answers an admin route to a sibling subdomain, so its page cannot trade the refresh cookie for a token', async () => {
    const preflight = await app.http().options('/admin/access-token').set('Origin', SIBLING_ORIGIN).set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
    const post = await app.http().post('/admin/access-token').set('Origin', SIBLING_ORIGIN).send({});
    expect(post.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers the admin origin on admin routes, with credentials', async () => {
    const preflight = await app.http().options('/admin/access-token').set('Origin', ADMIN_ORIGIN).set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBe(ADMIN_ORIGIN);
    expect(preflight.headers['access-control-allow-credentials']).toBe('true');
  });

  it('treats an admin origin as a stranger on the public API only in the credentials it gets', async () => {
    const response = await app.http().get('/api/policies').set('Origin', ADMIN_ORIGIN);
    expect(response.headers['access-control-allow-credentials']).toBeUndefined();
  });
});

describe('headers on every answer', () => {
  it.each(['/api/policies', '/admin/init', '/_health', '/api/nothing-here'])('sends nosniff and a referrer policy and no X-Powered-By on %s', async (url) => {
    const response = await app.http().get(url);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });
});

describe('caching of personal data and authenticated answers', () => {
  it('marks admin JSON with personal data private, no-store', async () => {
    const response = await asAdmin(app.strapi, adminToken).get('/content-manager/collection-types/api::feedback.feedback');
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('private, no-store');
  });

  it('marks admin errors private, no-store too', async () => {
    const response = await app.http().get('/content-manager/collection-types/api::feedback.feedback');
    expect(response.status).toBe(401);
    expect(response.headers['cache-control']).toBe('private, no-store');
  });

  it('marks content-API answers to an API token private, no-store (they may include drafts)', async () => {
    const token = await createFullAccessToken(app.strapi);
    const response = await app.http().get('/api/policies?status=draft').set('Authorization', `Bearer ${token}`);
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('private, no-store');
  });

  it('leaves public reads of published content cacheable', async () => {
    const response = await app.http().get('/api/policies');
    expect(response.headers['cache-control'] ?? '').not.toMatch(/no-store|private/);
  });
});

describe('admin cookies', () => {
  it('sets the refresh cookie Secure, HttpOnly and SameSite behind the TLS proxy', async () => {
    const response = await app.http().post('/admin/login').set('X-Forwarded-Proto', 'https').send(SUPER_ADMIN);
    expect(response.status).toBe(200);
    const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
    const refresh = cookies.find((cookie) => cookie.startsWith('strapi_admin_refresh='));
    expect(refresh).toBeDefined();
    expect(refresh).toMatch(/; secure/i);
    expect(refresh).toMatch(/; httponly/i);
    expect(refresh).toMatch(/; samesite=lax/i);
  });

  it('refuses to start an admin session over plain HTTP with a 403 that says why, never a 500', async () => {
    const response = await app.http().post('/admin/login').send(SUPER_ADMIN);
    expect(response.status).toBe(403);
    expect(response.body.error.message).toMatch(/HTTPS/);
    expect(response.headers['set-cookie']).toBeUndefined();
  });
});

describe('the public write routes check their body on every spelling of the path', () => {
  it.each(['/api/feedbacks', '/api/feedbacks/', '/api/FEEDBACKS', '/API/Feedbacks/'])('refuses a form-encoded body on %s with 415', async (path) => {
    const response = await app.http().post(path).type('form').send({ 'data[content]': 'x', 'data[consultationDraft]': draftId });
    expect(response.status).toBe(415);
    expect(response.body.error.message).toMatch(/application\/json/);
  });

  it.each(['/api/feedbacks/', '/api/FEEDBACKS'])('refuses a 200 KB JSON body on %s with 413', async (path) => {
    const body = intakeBody({ consultationDraft: draftId }, { content: 'x'.repeat(200 * 1024) });
    const response = await app.http().post(path).send(body);
    expect(response.status).toBe(413);
  });

  it('still accepts a well-formed submission on the trailing-slash spelling', async () => {
    const response = await app.http().post('/api/feedbacks/').send(intakeBody({ consultationDraft: draftId }));
    expect(response.status).toBe(201);
  });
});

describe('end-user accounts', () => {
  it('refuses public self-registration by default', async () => {
    const response = await app.http().post('/api/auth/local/register').send({ username: 'nguoidung', email: 'nguoi.dung@example.vn', password: 'Mat-khau-2026!' });
    expect(response.status).toBe(403);
    const graphql = await app.http().post('/graphql').send({ query: 'mutation { register(input: { username: "nguoidung", email: "nguoi.dung@example.vn", password: "Mat-khau-2026!" }) { jwt } }' });
    expect(graphql.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(await app.strapi.db.query('plugin::users-permissions.user').count()).toBe(0);
  });
});
