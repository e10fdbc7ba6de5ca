import { asAdmin, loginAdmin, SUPER_ADMIN, SUPER_ADMIN_ENV } from '../helpers/admin';
import { startZaloFake, type ZaloFake } from '../helpers/fakes/zalo-oa';
import { createPolicy, deliveriesOf, eventually, publishingEnv, publishPolicy, ZALO_APP, zaloEnv } from '../helpers/publishing';
import { startTestApp, type TestApp } from '../helpers/strapi';

const BASE = '/multichannel-publishing';
const POLICY = 'api::policy.policy';
const HOUR = 60 * 60 * 1000;
const ICT = 7 * HOUR;

type Clock = { useClock(next: (() => Date) | null): void };

/** Local (UTC+7) day `day` of the current month at `hour`:`minute`, as an instant. */
const localTime = (day: number, hour: number, minute = 0): Date => {
  const wall = new Date(Date.now() + ICT);
  return new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), day, hour, minute) - ICT);
};
const nextMonthAt6 = (): Date => {
  const wall = new Date(Date.now() + ICT);
  return new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth() + 1, 1, 6, 0) - ICT);
};

/**
 * Broadcasts of OA articles to followers: a leader's request becomes a `zalo-broadcast` delivery that
 * waits for the article, the daily window (Asia/Ho_Chi_Minh) and the month's budget. The clock of
 * the broadcast schedule is injected; the delivery days are those of the current month.
 */
describe('Zalo broadcasts to followers', () => {
  let app: TestApp;
  let zalo: ZaloFake;
  let admin: ReturnType<typeof asAdmin>;
  let now = localTime(10, 10);

  const broadcast = (documentId: string, body: Record<string, unknown> = {}) =>
    admin.post(`${BASE}/broadcasts`).send({ uid: POLICY, documentId, locale: 'vi', ...body });
  const broadcastRow = (documentId: string) => deliveriesOf(app.strapi, { targetDocumentId: documentId, channel: 'zalo-broadcast' }).then((rows) => rows[0]);
  const articleOf = (documentId: string) =>
    eventually(`the Zalo article of ${documentId}`, async () => {
      const [row] = await deliveriesOf(app.strapi, { targetDocumentId: documentId, channel: 'zalo' });
      return row?.status === 'delivered' ? row : null;
    });
  const publishedPolicy = async (title: string) => {
    const documentId = await createPolicy(app.strapi, { title });
    await publishPolicy(app.strapi, documentId);
    return documentId;
  };

  beforeAll(async () => {
    zalo = await startZaloFake({ ...ZALO_APP, verifyPendingCalls: 0 });
    app = await startTestApp('publishing_zalo_broadcast', {
      ...SUPER_ADMIN_ENV,
      ...publishingEnv({ ...zaloEnv(zalo.apiBase), ZALO_VERIFY_ATTEMPTS: '1' }),
      ZALO_BROADCAST_MONTHLY_LIMIT: '2',
      ZALO_BROADCAST_CITIES: '4,12',
      ZALO_BROADCAST_RECHECK_MS: '50',
    });
    (app.strapi.plugin('multichannel-publishing').service('zalo-broadcasts') as Clock).useClock(() => now);
    admin = asAdmin(app.strapi, await loginAdmin(app.strapi, SUPER_ADMIN.email, SUPER_ADMIN.password));
  });

  afterAll(async () => {
    await app?.stop();
    await zalo?.close();
  });

  it('waits for the article’s own delivery without spending attempts, then broadcasts the article to the configured cities', async () => {
    // Zalo keeps "processing" the article: its delivery fails and retries until the script is dropped.
    zalo.script('/v2.0/article/verify', ...Array.from({ length: 200 }, () => ({ error: -214, message: 'Article is being processed' })));
    const documentId = await publishedPolicy('Chính sách chờ Zalo xử lý bài viết');
    await eventually('the article delivery failing', async () => (await deliveriesOf(app.strapi, { targetDocumentId: documentId, channel: 'zalo' }))[0]?.status === 'failed');

    const response = await broadcast(documentId);
    expect(response.status).toBe(201);
    expect(response.body.data).toMatchObject({ channel: 'zalo-broadcast', status: 'pending', event: { documentId, locale: 'vi' } });
    const waiting = await eventually('the broadcast looking at the article', async () => {
      const row = await broadcastRow(documentId);
      return row?.lastError?.startsWith('waiting for the Zalo article') ? row : null;
    });
    expect(waiting).toMatchObject({ status: 'pending', attempts: 0 });
    expect(zalo.broadcasts).toHaveLength(0);

    zalo.unscript('/v2.0/article/verify');
    const article = await articleOf(documentId);
    const sent = await eventually('the broadcast delivered', async () => {
      const row = await broadcastRow(documentId);
      return row?.status === 'delivered' ? row : null;
    });
    expect(zalo.broadcasts).toEqual([{ articleId: article.externalId, target: { cities: '4,12' }, messageId: sent.externalId }]);
    expect(sent.attempts).toBe(1);
    const call = zalo.calls.find((entry) => entry.path === '/v2.0/oa/message');
    expect(call?.body).toEqual({
      recipient: { target: { cities: '4,12' } },
      message: { attachment: { type: 'template', payload: { template_type: 'media', elements: [{ media_type: 'article', attachment_id: article.externalId }] } } },
    });
  });

  it('outside the sending window (06:00–20:00 Vietnam time) the broadcast waits, and goes out once the window opens', async () => {
    now = localTime(10, 21, 30);
    const documentId = await publishedPolicy('Chính sách gửi ngoài giờ');
    await articleOf(documentId);
    expect((await broadcast(documentId)).status).toBe(201);

    const waiting = await eventually('the broadcast checked against the window', async () => {
      const row = await broadcastRow(documentId);
      return row?.lastError?.includes('outside the sending window') ? row : null;
    });
    expect(waiting).toMatchObject({ status: 'pending', attempts: 0 });
    expect(waiting.lastError).toContain(`waits until 11/${String(localTime(11, 6).getUTCMonth() + 1).padStart(2, '0')}`);
    expect(waiting.lastError).toContain('06:00');
    expect(zalo.broadcasts).toHaveLength(1);

    now = localTime(11, 6, 5);
    const sent = await eventually('the broadcast sent in the morning', async () => {
      const row = await broadcastRow(documentId);
      return row?.status === 'delivered' ? row : null;
    });
    expect(zalo.broadcasts).toHaveLength(2);
    expect(zalo.broadcasts[1].messageId).toBe(sent.externalId);
  });

  it('shows the month’s budget, and refuses a broadcast once it is spent with 409 and the next possible date', async () => {
    const budget = await admin.get(`${BASE}/broadcasts/budget`);
    expect(budget.status).toBe(200);
    expect(budget.body.data).toMatchObject({ limit: 2, delivered: 2, queued: 0, used: 2, remaining: 0, window: '06:00–20:00', timeZone: 'Asia/Ho_Chi_Minh' });
    expect(budget.body.data.nextPossibleAt).toBe(nextMonthAt6().toISOString());

    const documentId = await publishedPolicy('Chính sách khi đã hết lượt gửi');
    await articleOf(documentId);
    const refused = await broadcast(documentId);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/budget is spent \(2 of 2\): the next broadcast is possible on 01\/\d{2}\/\d{4} 06:00/);
    expect(refused.body.error.details).toMatchObject({ reason: 'budget-spent', limit: 2, used: 2, nextPossibleAt: nextMonthAt6().toISOString() });
    expect(await broadcastRow(documentId)).toBeUndefined();
  });

  it('refuses what cannot be broadcast: a second request for the same publication, a draft, a malformed body', async () => {
    const [first] = await deliveriesOf(app.strapi, { channel: 'zalo-broadcast' });
    const again = await broadcast(first.targetDocumentId);
    expect(again.status).toBe(409);
    expect(again.body.error.details.reason).toBe('already-requested');

    const draft = await createPolicy(app.strapi, { title: 'Bản nháp chưa phát hành' });
    const notPublished = await broadcast(draft);
    expect(notPublished.status).toBe(409);
    expect(notPublished.body.error.details.reason).toBe('not-published');

    const malformed = await admin.post(`${BASE}/broadcasts`).send({ uid: POLICY, documentId: draft, extra: true });
    expect(malformed.status).toBe(400);
    expect(malformed.text).toMatch(/locale/);
    const english = await broadcast(draft, { locale: 'en' });
    expect(english.status).toBe(400);
    expect(english.body.error.message).toMatch(/uid/);
  });
});
