import { asAdmin, loginAdmin, SUPER_ADMIN, SUPER_ADMIN_ENV } from '../helpers/admin';
import { startPortalReceiver, type PortalReceiver } from '../helpers/fakes/portal-receiver';
import { CONSULTATION_DRAFT, createPolicy, deliveriesOf, eventsOf, eventually, POLICY, portalEnv, publishingEnv, publishPolicy, unpublishPolicy, updatePolicyDraft } from '../helpers/publishing';
import { startTestApp, type TestApp } from '../helpers/strapi';

// With 20 ms windows, 8 attempts span up to 2.5 s: enough slack to bring a receiver back before the last one.
const MAX_ATTEMPTS = 8;

describe('portal webhook channel', () => {
  let app: TestApp;
  let receiver: PortalReceiver;
  let token: string;

  const received = (documentId: string) => receiver.received.filter((webhook) => webhook.json?.data?.documentId === documentId);
  const deliveredFor = (documentId: string, count = 1) =>
    eventually(`${count} delivered portal deliveries of ${documentId}`, async () => {
      const rows = await deliveriesOf(app.strapi, { targetDocumentId: documentId, channel: 'portal' });
      return rows.filter((row) => row.status === 'delivered').length >= count ? rows : null;
    });

  beforeAll(async () => {
    receiver = await startPortalReceiver(portalEnv('x').PORTAL_WEBHOOK_SECRET);
    app = await startTestApp('publishing_portal', {
      ...SUPER_ADMIN_ENV,
      ...publishingEnv({ ...portalEnv(receiver.url), PUBLISHING_MAX_ATTEMPTS: String(MAX_ATTEMPTS), PORTAL_ENTRY_URL_TEMPLATE: 'https://portal.example.gov.vn/chinh-sach/{slug}' }),
    });
    token = await loginAdmin(app.strapi, SUPER_ADMIN.email, SUPER_ADMIN.password);
  });

  afterAll(async () => {
    await app?.stop();
    await receiver?.close();
  });

  beforeEach(() => receiver.respondWith(() => ({ status: 200, body: { ok: true } })));

  it('publishing a policy in the admin panel sends one signed webhook describing the published entry', async () => {
    const agency = await app.strapi.documents('api::agency.agency').create({ data: { name: 'Sở Tư pháp', code: 'SO-TP', kind: 'department' } } as never);
    await app.strapi.documents('api::focal-point.focal-point').create({
      data: { fullName: 'Nguyễn Văn An', role: 'focal-point', agency: (agency as { documentId: string }).documentId, email: 'an@example.gov.vn', phone: '0912345678' },
    } as never);
    const admin = asAdmin(app.strapi, token);
    const created = await admin
      .post(`/content-manager/collection-types/${POLICY}?locale=vi`)
      .send({ title: 'Nghị quyết hỗ trợ hộ nghèo', slug: 'nghi-quyet-ho-tro-ho-ngheo', summary: 'Hỗ trợ hộ nghèo vay vốn.', documentNumber: '12/2024/NQ-HĐND', leadAgency: (agency as { documentId: string }).documentId });
    expect(created.status).toBe(201);
    const documentId = created.body.data.documentId as string;
    const published = await admin.post(`/content-manager/collection-types/${POLICY}/${documentId}/actions/publish?locale=vi`).send({});
    expect(published.status).toBe(200);

    const [delivery] = await deliveredFor(documentId);
    const webhooks = received(documentId);
    expect(webhooks).toHaveLength(1);
    const [webhook] = webhooks;
    expect(webhook.verified).toBe(true);
    expect(webhook.id).toBe(delivery.idempotencyKey);
    expect(webhook.json).toMatchObject({
      type: 'policy.published',
      data: {
        uid: POLICY,
        documentId,
        locale: 'vi',
        url: expect.stringMatching(/^https:\/\/portal\.example\.gov\.vn\/chinh-sach\/.+/),
        entry: { documentId, title: 'Nghị quyết hỗ trợ hộ nghèo', documentNumber: '12/2024/NQ-HĐND', leadAgency: { name: 'Sở Tư pháp' } },
      },
    });
    expect(Date.parse(webhook.json.timestamp)).not.toBeNaN();
    // Private fields never leave, even nested in relations.
    expect(webhook.body).not.toContain('0912345678');
    expect(webhook.body).not.toContain('an@example.gov.vn');
    expect(webhook.json.data.entry.leadAgency.focalPoints[0]).toMatchObject({ fullName: 'Nguyễn Văn An' });
    expect(webhook.json.data.entry.createdBy).toBeUndefined();

    expect(delivery).toMatchObject({ status: 'delivered', attempts: 1, lastStatusCode: 200, lastError: null, targetLocale: 'vi' });
    expect(delivery.deliveredAt).toBeTruthy();
    const [event] = await eventsOf(app.strapi, { targetDocumentId: documentId });
    expect(event).toMatchObject({ type: 'published', targetUid: POLICY, targetLocale: 'vi', recordedBy: 'transaction' });
    expect(event.sequence).toBeGreaterThan(0);
    expect(webhook.json.data.sequence).toBe(event.sequence);
  });

  it('re-publishing sends policy.updated and unpublishing sends policy.unpublished, in order', async () => {
    const documentId = await createPolicy(app.strapi, { title: 'Quy định về phí tham quan' });
    await publishPolicy(app.strapi, documentId);
    await updatePolicyDraft(app.strapi, documentId, { title: 'Quy định về phí tham quan (sửa đổi)' });
    await publishPolicy(app.strapi, documentId);
    await unpublishPolicy(app.strapi, documentId);

    await deliveredFor(documentId, 3);
    const webhooks = received(documentId);
    expect(webhooks.map((webhook) => webhook.json.type)).toEqual(['policy.published', 'policy.updated', 'policy.unpublished']);
    expect(webhooks[1].json.data.entry.title).toBe('Quy định về phí tham quan (sửa đổi)');
    expect(webhooks[2].json.data.entry).toMatchObject({ documentId, title: 'Quy định về phí tham quan (sửa đổi)' });
    expect(new Set(webhooks.map((webhook) => webhook.id)).size).toBe(3);
    const sequences = webhooks.map((webhook) => webhook.json.data.sequence as number);
    expect([...sequences].sort((a, b) => a - b)).toEqual(sequences);
  });

  it('a receiver that is down, then failing, then up gets the delivery once, with the same webhook-id on every attempt', async () => {
    await receiver.down();
    const documentId = await createPolicy(app.strapi, { title: 'Chính sách khuyến khích du lịch cộng đồng' });
    await publishPolicy(app.strapi, documentId);
    // Two attempts refused and recorded (an attempt counts from its claim, before it connects).
    const whileDown = await eventually('two refused attempts', async () => {
      const [row] = await deliveriesOf(app.strapi, { targetDocumentId: documentId });
      return row && row.attempts >= 2 && row.status === 'failed' ? row : null;
    });
    expect(whileDown.lastError).toMatch(/portal unreachable/);

    let failures = 1;
    receiver.respondWith(() => (failures-- > 0 ? { status: 503, body: { error: 'restarting' } } : { status: 204 }));
    await receiver.up();
    const [delivery] = await deliveredFor(documentId);
    const webhooks = received(documentId);
    expect(webhooks.length).toBeGreaterThanOrEqual(2);
    expect(webhooks.filter((webhook) => webhook.status >= 200 && webhook.status < 300)).toHaveLength(1);
    expect(new Set(webhooks.map((webhook) => webhook.id))).toEqual(new Set([delivery.idempotencyKey]));
    expect(new Set(webhooks.map((webhook) => webhook.body)).size).toBe(1);
    expect(webhooks.every((webhook) => webhook.verified)).toBe(true);
    expect(delivery.attempts).toBeGreaterThanOrEqual(4);
    expect(delivery.lastStatusCode).toBe(204);
  });

  it('a 410 answer makes the delivery dead at once', async () => {
    receiver.respondWith(() => ({ status: 410, body: { error: 'gone' } }));
    const documentId = await createPolicy(app.strapi, { title: 'Chính sách đã bị thay thế' });
    await publishPolicy(app.strapi, documentId);
    const [delivery] = await eventually('a dead delivery', async () => {
      const rows = await deliveriesOf(app.strapi, { targetDocumentId: documentId });
      return rows[0]?.status === 'dead' ? rows : null;
    });
    expect(delivery).toMatchObject({ attempts: 1, lastStatusCode: 410 });
    expect(delivery.lastError).toMatch(/410/);
    expect(received(documentId)).toHaveLength(1);
  });

  it('another 4xx answer is dead at once with the receiver’s answer kept as the last error', async () => {
    receiver.respondWith(() => ({ status: 422, body: { error: 'field summary is not understood' } }));
    const documentId = await createPolicy(app.strapi, { title: 'Chính sách với dữ liệu lạ' });
    await publishPolicy(app.strapi, documentId);
    const [delivery] = await eventually('a dead delivery', async () => {
      const rows = await deliveriesOf(app.strapi, { targetDocumentId: documentId });
      return rows[0]?.status === 'dead' ? rows : null;
    });
    expect(delivery).toMatchObject({ attempts: 1, lastStatusCode: 422 });
    expect(delivery.lastError).toContain('field summary is not understood');
  });

  it('a 429 with Retry-After is retried no earlier than the receiver asked', async () => {
    let limited = true;
    receiver.respondWith(() => {
      if (!limited) return { status: 200 };
      limited = false;
      return { status: 429, headers: { 'retry-after': '1' }, body: { error: 'slow down' } };
    });
    const documentId = await createPolicy(app.strapi, { title: 'Chính sách bị giới hạn tần suất' });
    await publishPolicy(app.strapi, documentId);
    const failed = await eventually('a failed delivery', async () => {
      const [row] = await app.strapi.db.query('plugin::multichannel-publishing.delivery').findMany({ where: { targetDocumentId: documentId } });
      return row?.status === 'failed' ? (row as { nextAttemptAt: string; lastAttemptAt: string; lastStatusCode: number }) : null;
    });
    expect(failed.lastStatusCode).toBe(429);
    expect(Date.parse(failed.nextAttemptAt) - Date.parse(failed.lastAttemptAt)).toBeGreaterThanOrEqual(1000);
    const [delivery] = await deliveredFor(documentId);
    expect(delivery.attempts).toBe(2);
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts and marks the delivery dead`, async () => {
    receiver.respondWith(() => ({ status: 500, body: { error: 'broken' } }));
    const documentId = await createPolicy(app.strapi, { title: 'Chính sách gặp lỗi máy chủ' });
    await publishPolicy(app.strapi, documentId);
    const [delivery] = await eventually('a dead delivery', async () => {
      const rows = await deliveriesOf(app.strapi, { targetDocumentId: documentId });
      return rows[0]?.status === 'dead' ? rows : null;
    });
    expect(delivery).toMatchObject({ attempts: MAX_ATTEMPTS, lastStatusCode: 500 });
    expect(received(documentId)).toHaveLength(MAX_ATTEMPTS);
  });

  it('an unpublish never overtakes the publish before it, while other documents keep flowing', async () => {
    const blocked = await createPolicy(app.strapi, { title: 'Chính sách bị chặn tạm thời' });
    const other = await createPolicy(app.strapi, { title: 'Chính sách khác' });
    let hold = true;
    // Retry-After keeps the first delivery waiting (failed) long enough to observe the queue behind it.
    receiver.respondWith((webhook) =>
      hold && webhook.json?.data?.documentId === blocked ? { status: 503, headers: { 'retry-after': '1' } } : { status: 200 },
    );
    await publishPolicy(app.strapi, blocked);
    await eventually('a failed attempt', async () => (await deliveriesOf(app.strapi, { targetDocumentId: blocked }))[0]?.status === 'failed');
    await unpublishPolicy(app.strapi, blocked);
    await publishPolicy(app.strapi, other);
    await deliveredFor(other);

    const waiting = await deliveriesOf(app.strapi, { targetDocumentId: blocked });
    // The first one is waiting for its next attempt (or making it): the second one has not been tried at all.
    expect(waiting.map((row) => row.status)).toEqual([expect.stringMatching(/^(failed|in-flight)$/), 'pending']);
    expect(waiting[1].attempts).toBe(0);
    expect(received(blocked).every((webhook) => webhook.json.type === 'policy.published')).toBe(true);

    hold = false;
    await deliveredFor(blocked, 2);
    const accepted = received(blocked).filter((webhook) => webhook.status === 200);
    expect(accepted.map((webhook) => webhook.json.type)).toEqual(['policy.published', 'policy.unpublished']);
  });

  it('a bulk publish from the list view records one event per document, each with its own sequence', async () => {
    const documentIds = await Promise.all(['Một', 'Hai', 'Ba'].map((name) => createPolicy(app.strapi, { title: `Chính sách xuất bản hàng loạt ${name}` })));
    const response = await asAdmin(app.strapi, token)
      .post(`/content-manager/collection-types/${POLICY}/actions/bulkPublish?locale=vi`)
      .send({ documentIds });
    expect(response.status).toBe(200);
    for (const documentId of documentIds) await deliveredFor(documentId);
    const events = (await Promise.all(documentIds.map((documentId) => eventsOf(app.strapi, { targetDocumentId: documentId })))).flat();
    expect(events.map((event) => event.type)).toEqual(['published', 'published', 'published']);
    expect(new Set(events.map((event) => event.sequence)).size).toBe(3);
  });

  it('each locale publishes its own event, and a consultation draft publishes as consultation-draft.published', async () => {
    const documentId = await createPolicy(app.strapi, { title: 'Chính sách song ngữ' });
    await app.strapi.documents(POLICY as never).update({ documentId, locale: 'en', data: { title: 'Bilingual policy', summary: 'In English.' } } as never);
    await app.strapi.documents(POLICY as never).publish({ documentId, locale: '*' } as never);
    await deliveredFor(documentId, 2);
    expect(received(documentId).map((webhook) => webhook.json.data.locale).sort()).toEqual(['en', 'vi']);

    const draft = await app.strapi.documents(CONSULTATION_DRAFT as never).create({
      data: { title: 'Dự thảo lấy ý kiến', policy: documentId, version: 1, opensAt: '2030-01-01T00:00:00.000Z', closesAt: '2030-02-01T00:00:00.000Z' },
      locale: 'vi',
      status: 'published',
    } as never);
    const draftId = (draft as { documentId: string }).documentId;
    await deliveredFor(draftId);
    const [webhook] = received(draftId);
    expect(webhook.json).toMatchObject({ type: 'consultation-draft.published', data: { uid: CONSULTATION_DRAFT, entry: { title: 'Dự thảo lấy ý kiến' } } });
  });

  it('distributes radio scripts too, a content type without locales', async () => {
    const policy = await createPolicy(app.strapi, { title: 'Chính sách có kịch bản phát thanh' });
    const script = await app.strapi.documents('api::radio-script.radio-script' as never).create({
      data: { policy, title: 'Bản tin phát thanh', language: 'vi', priority: 'emergency', script: 'Kính thưa toàn thể nhân dân.' },
      status: 'published',
    } as never);
    const documentId = (script as { documentId: string }).documentId;
    const [delivery] = await deliveredFor(documentId);
    expect(delivery.targetLocale).toBeNull();
    const [webhook] = received(documentId);
    expect(webhook.json).toMatchObject({ type: 'radio-script.published', data: { uid: 'api::radio-script.radio-script', locale: null, entry: { title: 'Bản tin phát thanh' } } });
    // Private attributes of the script (e.g. its source hash) never leave.
    expect(webhook.json.data.entry).not.toHaveProperty('sourceHash');
  });

  it('deleting a published document sends an unpublished event', async () => {
    const documentId = await createPolicy(app.strapi, { title: 'Chính sách sẽ bị xoá' });
    await publishPolicy(app.strapi, documentId);
    await app.strapi.documents(POLICY as never).delete({ documentId, locale: 'vi' } as never);
    await deliveredFor(documentId, 2);
    expect(received(documentId).map((webhook) => webhook.json.type)).toEqual(['policy.published', 'policy.unpublished']);
  });

  it('a publish written without the document service is found by the reconciliation sweep and delivered', async () => {
    const row = (await app.strapi.db.query(POLICY as never).create({
      data: { documentId: 'sweepdoc0000000000000001', title: 'Chính sách ghi thẳng vào cơ sở dữ liệu', summary: 'Bỏ qua dịch vụ tài liệu.', locale: 'vi', publishedAt: new Date() },
    })) as { id: number };
    expect(await eventsOf(app.strapi, { targetDocumentId: 'sweepdoc0000000000000001' })).toHaveLength(0);

    await app.strapi.plugin('multichannel-publishing').service('dispatcher').sweepNow();
    const [event] = await eventsOf(app.strapi, { targetDocumentId: 'sweepdoc0000000000000001' });
    expect(event).toMatchObject({ type: 'published', entryId: row.id, recordedBy: 'sweep' });
    await deliveredFor('sweepdoc0000000000000001');
    // A second sweep finds nothing more to do.
    await app.strapi.plugin('multichannel-publishing').service('dispatcher').sweepNow();
    expect(await eventsOf(app.strapi, { targetDocumentId: 'sweepdoc0000000000000001' })).toHaveLength(1);
  });

  it('keeps the plugin tables out of the content manager, REST and GraphQL', async () => {
    const admin = asAdmin(app.strapi, token);
    for (const uid of ['plugin::multichannel-publishing.delivery', 'plugin::multichannel-publishing.publication-event', 'plugin::multichannel-publishing.state']) {
      const list = await admin.get(`/content-manager/collection-types/${uid}`);
      expect(list.status).toBeGreaterThanOrEqual(400);
      const create = await admin.post(`/content-manager/collection-types/${uid}`).send({ status: 'delivered' });
      expect(create.status).toBeGreaterThanOrEqual(400);
    }
    for (const path of ['/api/deliveries', '/api/publication-events', '/api/states']) {
      expect((await app.http().get(path)).status).toBe(404);
    }
    const graphql = await app.http().post('/graphql').send({ query: '{ deliveries { documentId } }' });
    expect(JSON.stringify(graphql.body)).toMatch(/Cannot query field/);
  });
});
