import { asAdmin, loginAdmin, SUPER_ADMIN, SUPER_ADMIN_ENV } from '../helpers/admin';
import { startPortalReceiver, type PortalReceiver } from '../helpers/fakes/portal-receiver';
import { startZaloFake, type ZaloFake } from '../helpers/fakes/zalo-oa';
import {
  createPolicy,
  DELIVERY,
  deliveriesOf,
  eventually,
  POLICY,
  PORTAL_SECRET,
  portalEnv,
  publishingEnv,
  publishPolicy,
  unpublishPolicy,
  ZALO_APP,
  zaloEnv,
  type DeliveryRow,
} from '../helpers/publishing';
import { startTestApp, type TestApp } from '../helpers/strapi';

const BASE = '/multichannel-publishing';
/** Zalo's answer to an article it will never accept: the delivery goes dead at once. */
const INVALID = { error: -201, message: 'Parameters are invalid' };

describe('replaying a delivery', () => {
  let app: TestApp;
  let zalo: ZaloFake;
  let receiver: PortalReceiver;
  let admin: ReturnType<typeof asAdmin>;

  const settledOn = (channel: string, documentId: string, status: string, eventSequenceAbove = 0) =>
    eventually(`a ${status} ${channel} delivery of ${documentId}`, async () => {
      const rows = await deliveriesOf(app.strapi, { targetDocumentId: documentId, channel });
      return rows.find((row) => row.status === status && row.eventSequence > eventSequenceAbove);
    });
  const deliveryById = async (id: number) => (await deliveriesOf(app.strapi, { id }))[0] as DeliveryRow;
  const sentFor = (documentId: string) => ({
    zalo: zalo.calls.filter((call) => call.path.startsWith('/v2.0/article/')).length,
    portal: receiver.received.filter((webhook) => webhook.json?.data?.documentId === documentId).length,
  });

  /** A published policy whose Zalo article could not be created (dead delivery). */
  const publishedWithDeadZalo = async (title: string) => {
    const documentId = await createPolicy(app.strapi, { title });
    zalo.script('/v2.0/article/create', INVALID);
    await publishPolicy(app.strapi, documentId);
    const dead = await settledOn('zalo', documentId, 'dead');
    await settledOn('portal', documentId, 'delivered');
    return { documentId, dead };
  };

  beforeAll(async () => {
    zalo = await startZaloFake({ ...ZALO_APP, verifyPendingCalls: 0 });
    receiver = await startPortalReceiver(PORTAL_SECRET);
    receiver.respondWith((webhook) => (webhook.json?.type === 'policy.published' && webhook.json?.data?.entry?.title?.startsWith('Cổng từ chối') ? { status: 410 } : { status: 200 }));
    app = await startTestApp('publishing_retry_guards', {
      ...SUPER_ADMIN_ENV,
      ...publishingEnv({ ...zaloEnv(zalo.apiBase), ...portalEnv(receiver.url), ZALO_VERIFY_ATTEMPTS: '2' }),
    });
    admin = asAdmin(app.strapi, await loginAdmin(app.strapi, SUPER_ADMIN.email, SUPER_ADMIN.password));
  });

  afterAll(async () => {
    await app?.stop();
    await zalo?.close();
    await receiver?.close();
  });

  it('is refused once the policy was withdrawn, even though the withdrawal had nothing to remove on Zalo (skipped)', async () => {
    const { documentId, dead } = await publishedWithDeadZalo('Chính sách rút lại khi chưa lên Zalo');
    await unpublishPolicy(app.strapi, documentId);
    const skipped = await settledOn('zalo', documentId, 'skipped');
    expect(skipped.lastError).toMatch(/nothing to remove/);
    await settledOn('portal', documentId, 'delivered', dead.eventSequence);
    const before = sentFor(documentId);

    const response = await admin.post(`${BASE}/deliveries/${dead.id}/retry`);
    expect(response.status).toBe(409);
    expect(response.body.error.message).toMatch(/newer publication event of this document \(unpublished, sequence \d+\)/);
    expect(response.body.error.details).toEqual({ reason: 'superseded', newerEvent: { type: 'unpublished', sequence: skipped.eventSequence } });
    expect(await deliveryById(dead.id)).toMatchObject({ status: 'dead', attempts: dead.attempts });
    expect(sentFor(documentId)).toEqual(before);
    expect([...zalo.articles.values()].some((article) => article.title === 'Chính sách rút lại khi chưa lên Zalo')).toBe(false);
  });

  it('is refused on the portal after an unpublish was delivered there', async () => {
    const documentId = await createPolicy(app.strapi, { title: 'Cổng từ chối rồi chính sách bị rút' });
    await publishPolicy(app.strapi, documentId);
    const dead = await settledOn('portal', documentId, 'dead');
    await unpublishPolicy(app.strapi, documentId);
    await settledOn('portal', documentId, 'delivered', dead.eventSequence);
    const before = sentFor(documentId);

    const response = await admin.post(`${BASE}/deliveries/${dead.id}/retry`);
    expect(response.status).toBe(409);
    expect(response.body.error.details).toMatchObject({ reason: 'superseded', newerEvent: { type: 'unpublished' } });
    expect(await deliveryById(dead.id)).toMatchObject({ status: 'dead' });
    expect(sentFor(documentId)).toEqual(before);
  });

  it('is refused when the document is no longer published in that locale, even with no event recording it yet', async () => {
    const { documentId, dead } = await publishedWithDeadZalo('Chính sách bị gỡ ngoài luồng');
    // What a withdrawal the publishing plugin did not see leaves (the reconciliation sweep has not run yet).
    await app.strapi.db.query(POLICY as never).deleteMany({ where: { documentId, publishedAt: { $notNull: true } } });
    const before = sentFor(documentId);

    const response = await admin.post(`${BASE}/deliveries/${dead.id}/retry`);
    expect(response.status).toBe(409);
    expect(response.body.error.message).toMatch(/no longer published in this locale/);
    expect(response.body.error.details).toEqual({ reason: 'unpublished' });
    expect(await deliveryById(dead.id)).toMatchObject({ status: 'dead' });
    expect(sentFor(documentId)).toEqual(before);
  });

  it('still works for a genuinely failed latest delivery: the article is created', async () => {
    const { documentId, dead } = await publishedWithDeadZalo('Chính sách thử lại hợp lệ');
    const response = await admin.post(`${BASE}/deliveries/${dead.id}/retry`);
    expect(response.status).toBe(200);
    const delivered = await settledOn('zalo', documentId, 'delivered');
    expect(delivered.id).toBe(dead.id);
    expect(zalo.articles.get(delivered.externalId ?? '')).toMatchObject({ title: 'Chính sách thử lại hợp lệ', removed: false });
  });

  it('that was already queued is skipped by the dispatcher once a newer event was handled on the channel, sending nothing', async () => {
    const { documentId, dead } = await publishedWithDeadZalo('Chính sách được xếp hàng gửi lại rồi bị rút');
    await unpublishPolicy(app.strapi, documentId);
    const withdrawal = await settledOn('zalo', documentId, 'skipped');
    // The portal hears of the withdrawal too: count what was sent only once that delivery has settled.
    await settledOn('portal', documentId, 'delivered', dead.eventSequence);
    expect(withdrawal.eventSequence).toBeGreaterThan(dead.eventSequence);
    const before = sentFor(documentId);

    // A replay queued just before the withdrawal was recorded (the API check cannot see a write that
    // has not happened yet), then picked up by the dispatcher after the withdrawal was handled.
    await app.strapi.db.query(DELIVERY as never).update({ where: { id: dead.id }, data: { status: 'pending', attempts: 0, nextAttemptAt: new Date() } });
    const skipped = await eventually('the replay settled', async () => {
      const row = await deliveryById(dead.id);
      return row.status !== 'pending' && row.status !== 'in-flight' ? row : null;
    });

    expect(skipped.status).toBe('skipped');
    expect(skipped.lastError).toMatch(/superseded by the newer unpublished event/);
    expect(sentFor(documentId)).toEqual(before);
    expect([...zalo.articles.values()].some((article) => article.title === 'Chính sách được xếp hàng gửi lại rồi bị rút')).toBe(false);
  });
});
