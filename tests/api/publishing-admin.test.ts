import type { Core } from '@strapi/strapi';
import request from 'supertest';
import { asAdmin, createAdminUser, loginAdmin, SUPER_ADMIN, SUPER_ADMIN_ENV } from '../helpers/admin';
import { startPortalReceiver, type PortalReceiver } from '../helpers/fakes/portal-receiver';
import { createPolicy, deliveriesOf, eventually, PORTAL_SECRET, portalEnv, publishingEnv, publishPolicy, updatePolicyDraft } from '../helpers/publishing';
import { startTestApp, type TestApp } from '../helpers/strapi';

const BASE = '/multichannel-publishing';
const ZALO_REFRESH = 'rt_admin_test_refresh_token_value';
const ACTIONS = { read: 'plugin::multichannel-publishing.read', retry: 'plugin::multichannel-publishing.retry' };

/** A role with the given plugin actions, and the content manager's read permission on the `readable` types. */
const createRole = async (strapi: Core.Strapi, code: string, actions: string[], readable: string[] = []) => {
  const role = await strapi.service('admin::role').create({ name: code, code, description: code });
  await strapi.service('admin::role').assignPermissions(role.id, [
    ...actions.map((action) => ({ action, subject: null, properties: {}, conditions: [] })),
    ...readable.map((subject) => ({
      action: 'plugin::content-manager.explorer.read',
      subject,
      properties: { fields: ['title'], locales: ['vi', 'en'] },
      conditions: [],
    })),
  ]);
};

describe('distribution admin API', () => {
  let app: TestApp;
  let receiver: PortalReceiver;
  let admin: ReturnType<typeof asAdmin>;
  const bodies: string[] = [];
  const remember = <T extends { text: string }>(response: T) => {
    bodies.push(response.text);
    return response;
  };

  const statusOf = async (documentId: string, wanted: string) =>
    eventually(`a ${wanted} delivery of ${documentId}`, async () => {
      const rows = await deliveriesOf(app.strapi, { targetDocumentId: documentId, channel: 'portal' });
      return rows.find((row) => row.status === wanted);
    });

  let deadDocument: string;
  let deliveredDocument: string;

  beforeAll(async () => {
    receiver = await startPortalReceiver(PORTAL_SECRET);
    app = await startTestApp('publishing_admin', {
      ...SUPER_ADMIN_ENV,
      // Zalo is switched on but incomplete (no secret key): it is reported, and gets no deliveries.
      ...publishingEnv({ ...portalEnv(receiver.url), ZALO_APP_ID: 'zalo-app-id', ZALO_REFRESH_TOKEN: ZALO_REFRESH }),
    });
    admin = asAdmin(app.strapi, await loginAdmin(app.strapi, SUPER_ADMIN.email, SUPER_ADMIN.password));

    deliveredDocument = await createPolicy(app.strapi, { title: 'Chính sách đã phát hành thành công' });
    await publishPolicy(app.strapi, deliveredDocument);
    await statusOf(deliveredDocument, 'delivered');

    receiver.respondWith((webhook) => (webhook.json?.data?.entry?.title === 'Chính sách bị cổng từ chối' ? { status: 410 } : { status: 200 }));
    deadDocument = await createPolicy(app.strapi, { title: 'Chính sách bị cổng từ chối' });
    await publishPolicy(app.strapi, deadDocument);
    await statusOf(deadDocument, 'dead');
  });

  afterAll(async () => {
    await app?.stop();
    await receiver?.close();
  });

  it('lists deliveries newest first, each with its event, paginated', async () => {
    const response = remember(await admin.get(`${BASE}/deliveries`));
    expect(response.status).toBe(200);
    const { data, meta } = response.body;
    expect(meta.pagination).toEqual({ page: 1, pageSize: 20, pageCount: 1, total: 2 });
    expect(data.map((row: { event: { documentId: string } }) => row.event.documentId)).toEqual([deadDocument, deliveredDocument]);
    expect(data[0]).toMatchObject({
      channel: 'portal',
      status: 'dead',
      attempts: 1,
      lastStatusCode: 410,
      lastError: expect.stringContaining('410'),
      externalId: null,
      idempotencyKey: expect.stringMatching(/^portal\./),
      event: { type: 'published', uid: 'api::policy.policy', contentType: 'policy', documentId: deadDocument, locale: 'vi', title: 'Chính sách bị cổng từ chối', sequence: expect.any(Number) },
    });
    expect(data[0].event.sequence).toBeGreaterThan(data[1].event.sequence);
    expect(data[1]).toMatchObject({ status: 'delivered', deliveredAt: expect.any(String), lastStatusCode: 200 });
    for (const row of data) {
      expect(row).not.toHaveProperty('checkpoint');
      expect(row).not.toHaveProperty('lockToken');
      expect(row.event).not.toHaveProperty('snapshot');
    }

    const second = remember(await admin.get(`${BASE}/deliveries?pageSize=1&page=2`));
    expect(second.body.meta.pagination).toEqual({ page: 2, pageSize: 1, pageCount: 2, total: 2 });
    expect(second.body.data[0].event.documentId).toBe(deliveredDocument);
  });

  it('filters by document, channel and status', async () => {
    const byDocument = remember(await admin.get(`${BASE}/deliveries?documentId=${deliveredDocument}`));
    expect(byDocument.body.data.map((row: { event: { documentId: string } }) => row.event.documentId)).toEqual([deliveredDocument]);
    const dead = remember(await admin.get(`${BASE}/deliveries?status=dead&channel=portal`));
    expect(dead.body.data.map((row: { status: string }) => row.status)).toEqual(['dead']);
    const none = remember(await admin.get(`${BASE}/deliveries?channel=zalo`));
    expect(none.body).toEqual({ data: [], meta: { pagination: { page: 1, pageSize: 20, pageCount: 0, total: 0 } } });
  });

  it.each([
    ['an unknown parameter', 'sort=id', /unknown parameter/],
    ['an unknown status', 'status=lost', /status/],
    ['page 0', 'page=0', /page/],
    ['a page that is not a number', 'page=abc', /page/],
    ['a page size over 100', 'pageSize=1000', /pageSize/],
    ['a repeated filter', 'channel=portal&channel=zalo', /channel/],
  ])('refuses %s with a clear 400', async (_label, query, message) => {
    const response = remember(await admin.get(`${BASE}/deliveries?${query}`));
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ status: 400, name: 'ValidationError', message: expect.stringMatching(message) });
    expect(response.text).not.toMatch(/\bat \w+ \(/);
  });

  it('describes each channel: enabled, configuration complete or what is missing, last success and recent failures', async () => {
    const response = remember(await admin.get(`${BASE}/channels`));
    expect(response.status).toBe(200);
    const byName = Object.fromEntries(response.body.data.map((channel: { name: string }) => [channel.name, channel]));
    expect(byName.portal).toMatchObject({
      name: 'portal',
      label: { vi: expect.any(String), en: 'Web portal' },
      enabled: true,
      configComplete: true,
      missing: [],
      lastSuccessAt: expect.any(String),
      failuresLast24h: 1,
      dead: 1,
    });
    expect(byName.zalo).toMatchObject({ enabled: true, configComplete: false, missing: ['ZALO_SECRET_KEY', 'PUBLIC_URL'], lastSuccessAt: null, failuresLast24h: 0 });
  });

  it('retries a dead delivery: back to pending at once, then delivered with the same idempotency key', async () => {
    const [dead] = await deliveriesOf(app.strapi, { targetDocumentId: deadDocument });
    receiver.respondWith(() => ({ status: 200 }));
    const response = remember(await admin.post(`${BASE}/deliveries/${dead.id}/retry`));
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ id: dead.id, status: expect.stringMatching(/pending|in-flight|delivered/) });
    const delivered = await statusOf(deadDocument, 'delivered');
    expect(delivered.attempts).toBe(1);
    const webhooks = receiver.received.filter((webhook) => webhook.json?.data?.documentId === deadDocument);
    expect(webhooks.map((webhook) => webhook.status)).toEqual([410, 200]);
    expect(new Set(webhooks.map((webhook) => webhook.id))).toEqual(new Set([dead.idempotencyKey]));
  });

  it('refuses to retry what is not failed or dead, what does not exist, and a malformed id', async () => {
    const [delivered] = await deliveriesOf(app.strapi, { targetDocumentId: deliveredDocument });
    const notDead = remember(await admin.post(`${BASE}/deliveries/${delivered.id}/retry`));
    expect(notDead.status).toBe(409);
    expect(notDead.body.error.message).toMatch(/only failed or dead/);
    expect(notDead.body.error.details).toEqual({ status: 'delivered' });
    const missing = remember(await admin.post(`${BASE}/deliveries/999999/retry`));
    expect(missing.status).toBe(404);
    const malformed = remember(await admin.post(`${BASE}/deliveries/abc/retry`));
    expect(malformed.status).toBe(400);
  });

  it('refuses to replay an old event once a newer one of the same document was delivered', async () => {
    receiver.respondWith((webhook) => (webhook.json?.type === 'policy.published' ? { status: 410 } : { status: 200 }));
    const documentId = await createPolicy(app.strapi, { title: 'Chính sách được sửa sau khi lỗi' });
    await publishPolicy(app.strapi, documentId);
    const dead = await statusOf(documentId, 'dead');
    await updatePolicyDraft(app.strapi, documentId, { summary: 'Bản mới hơn.' });
    await publishPolicy(app.strapi, documentId);
    await statusOf(documentId, 'delivered');
    const response = remember(await admin.post(`${BASE}/deliveries/${dead.id}/retry`));
    expect(response.status).toBe(409);
    expect(response.body.error.message).toMatch(/newer publication/);
    expect(response.body.error.details).toMatchObject({ reason: 'superseded', newerEvent: { type: 'updated' } });
  });

  it('is closed to anonymous callers and to admins without the permissions', async () => {
    const anonymous = await request(app.strapi.server.httpServer).get(`${BASE}/deliveries`);
    expect(anonymous.status).toBe(401);

    await createRole(app.strapi, 'distribution-reader', [ACTIONS.read]);
    await createRole(app.strapi, 'no-distribution', []);
    const reader = asAdmin(app.strapi, (await createAdminUser(app.strapi, { email: 'reader@test.gov.vn', roleCodes: ['distribution-reader'] })).token);
    const outsider = asAdmin(app.strapi, (await createAdminUser(app.strapi, { email: 'outsider@test.gov.vn', roleCodes: ['no-distribution'] })).token);

    expect((await outsider.get(`${BASE}/deliveries`)).status).toBe(403);
    expect((await outsider.get(`${BASE}/channels`)).status).toBe(403);
    // The reader may open the page, but reads no policy: it sees none of their deliveries.
    const readerList = await reader.get(`${BASE}/deliveries`);
    expect(readerList.status).toBe(200);
    expect(readerList.body.meta.pagination.total).toBe(0);
    expect((await reader.get(`${BASE}/channels`)).status).toBe(200);
    const [row] = await deliveriesOf(app.strapi, { status: 'dead' });
    expect((await reader.post(`${BASE}/deliveries/${row.id}/retry`)).status).toBe(403);

    // Replaying needs the retry permission and the read permission on the delivered document.
    await createRole(app.strapi, 'distribution-retrier', [ACTIONS.read, ACTIONS.retry]);
    const retrier = asAdmin(app.strapi, (await createAdminUser(app.strapi, { email: 'retrier@test.gov.vn', roleCodes: ['distribution-retrier'] })).token);
    const refused = await retrier.post(`${BASE}/deliveries/${row.id}/retry`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/document your role may not read/);
    await createRole(app.strapi, 'distribution-operator', [ACTIONS.read, ACTIONS.retry], ['api::policy.policy']);
    const operator = asAdmin(app.strapi, (await createAdminUser(app.strapi, { email: 'operator@test.gov.vn', roleCodes: ['distribution-operator'] })).token);
    const operatorList = await operator.get(`${BASE}/deliveries`);
    expect(operatorList.body.meta.pagination.total).toBe((await deliveriesOf(app.strapi)).length);
    expect((await operator.post(`${BASE}/deliveries/${row.id}/retry`)).status).not.toBe(403);
  });

  it('never returns a secret in any response', async () => {
    remember(await admin.get(`${BASE}/deliveries?pageSize=100`));
    remember(await admin.get(`${BASE}/channels`));
    const everything = bodies.join('\n');
    expect(bodies.length).toBeGreaterThan(10);
    for (const secret of [PORTAL_SECRET, PORTAL_SECRET.slice('whsec_'.length), ZALO_REFRESH, 'test-encryption-key']) {
      expect(everything).not.toContain(secret);
    }
    expect(everything).not.toMatch(/webhook-signature|v1,[A-Za-z0-9+/]{20,}/);
  });
});
