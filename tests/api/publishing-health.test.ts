import type { Core } from '@strapi/strapi';
import { asAdmin, createAdminUser, loginAdmin, SUPER_ADMIN, SUPER_ADMIN_ENV } from '../helpers/admin';
import { startPortalReceiver, type PortalReceiver } from '../helpers/fakes/portal-receiver';
import { startSmtpServer } from '../helpers/fakes/smtp';
import { createPolicy, deliveriesOf, eventually, PORTAL_SECRET, portalEnv, publishingEnv, publishPolicy } from '../helpers/publishing';
import { startTestApp, type TestApp } from '../helpers/strapi';

const BASE = '/multichannel-publishing';
const NOTIFICATION = 'plugin::notifications.notification';
const GONE = 'portal answered 410 Gone: it no longer accepts this webhook';
const TOPIC = 'publishing.channel-failing';

describe('honest channel health and bulk retry', () => {
  let app: TestApp;
  let strapi: Core.Strapi;
  let receiver: PortalReceiver;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let admin: ReturnType<typeof asAdmin>;
  let editorEmail: string;
  let refuse = false;

  const channel = async (name: string) => {
    const response = await admin.get(`${BASE}/channels`);
    expect(response.status).toBe(200);
    return response.body.data.find((entry: { name: string }) => entry.name === name);
  };

  /** Publishes a new policy and waits until its portal delivery settles. */
  const publishOne = async (title: string) => {
    const documentId = await createPolicy(strapi, { title });
    await publishPolicy(strapi, documentId);
    return eventually(`the settled portal delivery of "${title}"`, async () => {
      const [row] = await deliveriesOf(strapi, { targetDocumentId: documentId, channel: 'portal' });
      return row && ['delivered', 'dead'].includes(row.status) ? row : null;
    });
  };

  const failingMails = async () =>
    (await strapi.db.query(NOTIFICATION as never).findMany({ where: { topic: TOPIC } })) as Array<{ dedupeKey: string; subject: string; body: string }>;

  /** Runs the health check now (it also runs after each attempt and on its timer) and waits for it. */
  const checkHealth = () => strapi.plugin('multichannel-publishing').service('channel-health').checkNow() as Promise<void>;

  beforeAll(async () => {
    receiver = await startPortalReceiver(PORTAL_SECRET);
    receiver.respondWith(() => (refuse ? { status: 410, body: { error: 'gone' } } : { status: 200 }));
    smtp = await startSmtpServer();
    app = await startTestApp('publishing_health', {
      ...SUPER_ADMIN_ENV,
      ...publishingEnv(portalEnv(receiver.url)),
      PUBLISHING_HEALTH_FAILING_AFTER: '3',
      PUBLISHING_HEALTH_RECENT_WINDOW: '10',
      PUBLISHING_HEALTH_CHECK_INTERVAL_MS: '100',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMTP_FROM: 'cms@laocai.test',
      SMTP_TIMEOUT_MS: '3000',
      NOTIFICATIONS_POLL_INTERVAL_MS: '50',
      NOTIFICATIONS_RETRY_BASE_MS: '150',
    });
    strapi = app.strapi;
    admin = asAdmin(strapi, await loginAdmin(strapi, SUPER_ADMIN.email, SUPER_ADMIN.password));
    editorEmail = (await createAdminUser(strapi, { email: 'bientap.health@test.gov.vn', roleCodes: ['strapi-editor'] })).email;
  });

  afterAll(async () => {
    await app?.stop();
    await receiver?.close();
    await smtp?.close();
  });

  it('a channel without settings is unconfigured and names what is missing; a delivering one is ok', async () => {
    expect(await channel('facebook')).toMatchObject({
      health: 'unconfigured',
      healthReason: { kind: 'unconfigured', missing: ['FACEBOOK_PAGE_ID', 'FACEBOOK_PAGE_TOKEN'] },
      healthText: { vi: 'Chưa cấu hình đủ: thiếu FACEBOOK_PAGE_ID, FACEBOOK_PAGE_TOKEN' },
    });
    expect((await publishOne('Chính sách được giao bình thường')).status).toBe('delivered');
    await checkHealth();
    expect(await channel('portal')).toMatchObject({ health: 'ok', healthReason: null, healthText: null, healthSince: expect.any(String) });
  });

  it('after N failed deliveries in a row the channel is failing, says why in words, and each super admin gets one e-mail', async () => {
    refuse = true;
    for (const n of [1, 2, 3, 4]) expect((await publishOne(`Chính sách bị cổng từ chối ${n}`)).status).toBe('dead');
    await checkHealth();

    const portal = await channel('portal');
    expect(portal).toMatchObject({
      health: 'failing',
      healthReason: { kind: 'failures', consecutive: 4, failed: 4, of: 4, commonError: GONE, commonErrorCount: 4 },
      healthText: { vi: `4 bài gần nhất đều lỗi: ${GONE}`, en: `The last 4 deliveries all failed: ${GONE}` },
      healthSince: expect.any(String),
    });

    const mail = await eventually('the failing e-mail to the super admin', () => smtp.to(SUPER_ADMIN.email).find((received) => received.subject.includes('Cổng thông tin điện tử')));
    expect(mail.subject).toBe('Kênh "Cổng thông tin điện tử" đang lỗi / Channel "Web portal" is failing');
    expect(mail.text).toContain('bài gần nhất đều lỗi: portal answered 410 Gone');
    expect(mail.text).toContain('Gửi lại các bài đã chọn');
    // One e-mail for the transition (at the third failure), not one per failure; none to an editor.
    expect(await failingMails()).toHaveLength(1);
    expect(smtp.to(editorEmail)).toHaveLength(0);
  });

  it('once the cause is fixed a new delivery makes it degraded, and retrying the dead ones in bulk makes it ok', async () => {
    refuse = false;
    const fresh = await publishOne('Chính sách sau khi cổng hoạt động lại');
    expect(fresh.status).toBe('delivered');
    await checkHealth();
    expect(await channel('portal')).toMatchObject({
      health: 'degraded',
      healthText: { vi: `4/6 bài gần nhất bị lỗi: ${GONE}` },
    });

    const dead = await deliveriesOf(strapi, { channel: 'portal', status: 'dead' });
    expect(dead).toHaveLength(4);
    const response = await admin.post(`${BASE}/deliveries/retry`).send({ ids: [...dead.map((row) => row.id), fresh.id, 987654321] });
    expect(response.status).toBe(200);
    expect(response.body.meta).toEqual({ retried: 4, refused: 2 });
    expect(response.body.data.retried.map((row: { id: number }) => row.id).sort()).toEqual(dead.map((row) => row.id).sort());
    expect(response.body.data.refused).toEqual([
      { id: fresh.id, status: 409, message: 'only failed or dead deliveries can be retried; this one is delivered', reason: null },
      { id: 987654321, status: 404, message: 'delivery 987654321 not found', reason: null },
    ]);

    await eventually('every retried delivery delivered', async () => {
      const rows = await deliveriesOf(strapi, { channel: 'portal' });
      return rows.every((row) => row.status === 'delivered') ? rows : null;
    });
    await checkHealth();
    expect(await channel('portal')).toMatchObject({ health: 'ok', healthText: null });
  });

  it('turning failing again is a new transition with a new e-mail; retry by filter takes every dead delivery of the channel', async () => {
    refuse = true;
    for (const n of [1, 2, 3]) expect((await publishOne(`Chính sách lỗi lần hai ${n}`)).status).toBe('dead');
    await checkHealth();
    expect((await channel('portal')).health).toBe('failing');
    await eventually('a second failing e-mail', () => (smtp.to(SUPER_ADMIN.email).filter((received) => received.subject.includes('Cổng thông tin điện tử')).length === 2 ? true : null));
    expect(await failingMails()).toHaveLength(2);

    refuse = false;
    const response = await admin.post(`${BASE}/deliveries/retry`).send({ filter: { channel: 'portal' } });
    expect(response.status).toBe(200);
    expect(response.body.meta).toEqual({ retried: 3, refused: 0 });
    await eventually('the dead deliveries delivered', async () => ((await deliveriesOf(strapi, { channel: 'portal', status: 'dead' })).length === 0 ? true : null));
    await eventually('all portal deliveries delivered', async () => ((await deliveriesOf(strapi, { channel: 'portal' })).every((row) => row.status === 'delivered') ? true : null));
    await checkHealth();
    expect((await channel('portal')).health).toBe('ok');
  });

  it('a bulk retry with a bad body is a 400 naming the field', async () => {
    const cases: Array<[unknown, string]> = [
      [{}, 'ids'],
      [{ ids: [] }, 'ids: must name at least one delivery'],
      [{ ids: ['x'] }, 'ids.0'],
      [{ ids: Array.from({ length: 501 }, (_value, index) => index + 1) }, 'at most 500'],
      [{ ids: [1], filter: {} }, 'unknown field(s): filter'],
      [{ filter: { status: 'delivered' } }, 'filter.status'],
      [{ filter: { channel: 'Not a channel!' } }, 'filter.channel'],
    ];
    for (const [body, expected] of cases) {
      const response = await admin.post(`${BASE}/deliveries/retry`).send(body as object);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
      expect(response.body.error.message).toContain(expected);
    }
  });
});
