import crypto from 'crypto';
import { asAdmin, loginAdmin, SUPER_ADMIN, SUPER_ADMIN_ENV } from '../helpers/admin';
import { agencyData, consultationDraftData, createDocument, policyData } from '../helpers/content';
import { storedFeedback, UNLIMITED_RATE_ENV } from '../helpers/feedback';
import { startZaloFake, type ZaloFake } from '../helpers/fakes/zalo-oa';
import { eventually, publishingEnv, ZALO_APP, zaloEnv } from '../helpers/publishing';
import { startTestApp, type TestApp } from '../helpers/strapi';

const AGENCY = 'api::agency.agency';
const POLICY = 'api::policy.policy';
const DRAFT = 'api::consultation-draft.consultation-draft';
const NOTIFICATION = 'plugin::notifications.notification';
const CONTACT = 'plugin::notifications.zalo-contact';
const CS_PATH = '/v3.0/oa/message/cs';
const TRACKING = 'https://portal.test/tra-cuu/{trackingCode}';
const DAY = 86_400_000;
// The webhook's own OA credentials (signature check), apart from the publishing channel's.
const WEBHOOK = { appId: '4318290156403917000', secret: 'zalo-oa-test-secret' };

type Row = { status: string; attempts: number; channel: string; recipient: string | null; lastError: string | null; topic: string; body: string };

const baseEnv = (zalo: ZaloFake | null) => ({
  // Every publishing variable cleared (portal, source system, Zalo), then only the local fake set;
  // SMTP_* and any other outside service are removed by the test env before each boot.
  ...publishingEnv(zalo ? zaloEnv(zalo.apiBase) : {}),
  PUBLISHING_DISPATCHER_ENABLED: 'false',
  ...SUPER_ADMIN_ENV,
  ...UNLIMITED_RATE_ENV,
  ZALO_OA_APP_ID: WEBHOOK.appId,
  ZALO_OA_SECRET_KEY: WEBHOOK.secret,
  PORTAL_TRACKING_URL_TEMPLATE: TRACKING,
  NOTIFICATIONS_POLL_INTERVAL_MS: '50',
  NOTIFICATIONS_RETRY_BASE_MS: '150',
  NOTIFICATIONS_MAX_ATTEMPTS: '30',
});

const setUp = async (app: TestApp) => {
  const policy = (await createDocument(app.strapi, POLICY, policyData({ title: 'Chính sách hỗ trợ nhà ở xã hội' }), { publish: true })).documentId;
  const draft = (await createDocument(app.strapi, DRAFT, consultationDraftData(policy), { publish: true })).documentId;
  const agency = (await createDocument(app.strapi, AGENCY, agencyData({ name: 'Sở Xây dựng' }))).documentId;
  const shortCode = ((await app.strapi.db.query(DRAFT).findOne({ where: { documentId: draft } })) as { shortCode: string }).shortCode;
  return { policy, draft, agency, shortCode };
};

const rowsOf = async (app: TestApp, documentId: string): Promise<Row[]> =>
  (await app.strapi.db.query(NOTIFICATION).findMany({ where: { subjectDocumentId: documentId }, orderBy: { id: 'asc' } })) as Row[];

const zaloRow = async (app: TestApp, documentId: string, topic: string): Promise<Row | undefined> =>
  (await rowsOf(app, documentId)).find((row) => row.channel === 'zalo' && row.topic === topic);

let userSequence = 0;
/** A Zalo user id of its own for each citizen (digits, as Zalo's). */
const newUserId = () => `24684588352919${String(7000 + (userSequence += 1))}`;

/** Posts a citizen's message to the webhook, signed as Zalo does: sha256(appId + body + timestamp + secret). */
const sendFromZalo = async (app: TestApp, userId: string, text: string) => {
  const payload = {
    app_id: WEBHOOK.appId,
    event_name: 'user_send_text',
    timestamp: String(Date.now()),
    sender: { id: userId },
    recipient: { id: '579745863508352884' },
    message: { text, msg_id: `msg-${crypto.randomUUID()}` },
  };
  const raw = JSON.stringify(payload);
  const mac = crypto.createHash('sha256').update(WEBHOOK.appId + raw + payload.timestamp + WEBHOOK.secret).digest('hex');
  const response = await app.http().post('/api/zalo/webhook').set('Content-Type', 'application/json').set('X-ZEvent-Signature', `mac=${mac}`).send(raw);
  expect(response.status).toBe(200);
  return response.body.data as { stored: boolean; trackingCode?: string };
};

describe('with the Zalo OA configured', () => {
  let app: TestApp;
  let zalo: ZaloFake;
  let ids: Awaited<ReturnType<typeof setUp>>;
  let admin: ReturnType<typeof asAdmin>;

  /** A citizen writes feedback through the OA; returns their user id, code and the feedback's documentId. */
  const citizenWrites = async (content = 'Đề nghị tăng mức hỗ trợ cho hộ nghèo ở vùng cao.') => {
    const userId = newUserId();
    const outcome = await sendFromZalo(app, userId, `${ids.shortCode} ${content}`);
    expect(outcome).toMatchObject({ stored: true, trackingCode: expect.any(String) });
    const [feedback] = await storedFeedback(app.strapi, { trackingCode: outcome.trackingCode });
    return { userId, trackingCode: outcome.trackingCode as string, documentId: feedback.documentId as string };
  };

  const messagesTo = (userId: string) => zalo.csMessages.filter((message) => message.userId === userId);
  const csCallsFor = (userId: string) => zalo.calls.filter((call) => call.path === CS_PATH && call.body?.recipient?.user_id === userId);

  const transition = (documentId: string, body: Record<string, unknown>) => admin.post(`/public-participation/feedbacks/${documentId}/transition`).send(body);
  const answer = async (documentId: string, response: string) => {
    expect((await transition(documentId, { moderationStatus: 'assigned', respondingAgency: ids.agency })).status).toBe(200);
    expect((await transition(documentId, { moderationStatus: 'answered', response })).status).toBe(200);
  };

  beforeAll(async () => {
    zalo = await startZaloFake({ ...ZALO_APP });
    app = await startTestApp('notifications-zalo', baseEnv(zalo));
    ids = await setUp(app);
    admin = asAdmin(app.strapi, await loginAdmin(app.strapi, SUPER_ADMIN.email, SUPER_ADMIN.password));
  });

  afterAll(async () => {
    await app?.stop();
    await zalo?.close();
  });

  it('acknowledges feedback sent through the OA at once, to that Zalo user, with the tracking code', async () => {
    const citizen = await citizenWrites();
    const [message] = await eventually('the acknowledgement on Zalo', () => messagesTo(citizen.userId).length > 0 && messagesTo(citizen.userId));
    expect(message.text).toContain(`Mã tra cứu: ${citizen.trackingCode}`);
    expect(message.text).toContain(`https://portal.test/tra-cuu/${citizen.trackingCode}`);
    // The access token issued by the fake's OAuth endpoint, through the publishing plugin's token chain.
    const [call] = csCallsFor(citizen.userId);
    expect(call.accessToken).toMatch(/^at_/);
    expect(call.body).toEqual({ recipient: { user_id: citizen.userId }, message: { text: message.text } });

    const row = await eventually('the acknowledgement recorded as sent', async () => {
      const found = await zaloRow(app, citizen.documentId, 'feedback.receipt');
      return found?.status === 'sent' && found;
    });
    expect(row).toMatchObject({ attempts: 1, recipient: null, lastError: null });
    // Nothing else was sent to anyone for this feedback (no e-mail was left).
    expect((await rowsOf(app, citizen.documentId)).map((found) => found.channel)).toEqual(['zalo']);
  });

  it('records when the citizen last wrote, from the webhook event', async () => {
    const before = Date.now();
    const citizen = await citizenWrites();
    const contact = (await app.strapi.db.query(CONTACT).findOne({ where: { userId: citizen.userId } })) as { lastMessageAt: string } | null;
    expect(contact).not.toBeNull();
    expect(new Date(contact!.lastMessageAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it("sends the agency's answer to the same Zalo user within the window", async () => {
    const citizen = await citizenWrites();
    await eventually('the acknowledgement', () => messagesTo(citizen.userId).length >= 1);
    await answer(citizen.documentId, 'Sở sẽ bổ sung mức hỗ trợ vào Điều 4 của dự thảo.');
    const messages = await eventually('the answer on Zalo', () => messagesTo(citizen.userId).length >= 2 && messagesTo(citizen.userId));
    expect(messages[1].text).toContain(`Góp ý của bạn (mã ${citizen.trackingCode}) đã được trả lời:`);
    expect(messages[1].text).toContain('Sở sẽ bổ sung mức hỗ trợ vào Điều 4 của dự thảo.');
    // The fake has the message before the worker records Zalo's answer: wait for the row to settle.
    const answered = await eventually('the answer recorded as sent', async () => {
      const row = await zaloRow(app, citizen.documentId, 'feedback.answered');
      return row?.status !== 'sending' && row;
    });
    expect(answered).toMatchObject({ status: 'sent', recipient: null });
  });

  it("skips the answer when the citizen last wrote more than 7 days ago, with that reason, and sends nothing", async () => {
    const citizen = await citizenWrites();
    await eventually('the acknowledgement', () => messagesTo(citizen.userId).length >= 1);
    // Eight days pass without a word from the citizen.
    await app.strapi.db.query(CONTACT).update({ where: { userId: citizen.userId }, data: { lastMessageAt: new Date(Date.now() - 8 * DAY) } });
    await answer(citizen.documentId, 'Ý kiến đã được tiếp thu.');
    const row = await eventually('the answer recorded', () => zaloRow(app, citizen.documentId, 'feedback.answered'));
    expect(row).toMatchObject({ status: 'skipped', attempts: 0, recipient: null, lastError: expect.stringContaining("outside Zalo's window") });
    expect(row.lastError).toContain('7 days');
    // A later message (the witness) goes through, and still nothing more reached this citizen.
    const witness = await citizenWrites();
    await eventually('a later acknowledgement', () => messagesTo(witness.userId).length >= 1);
    expect(messagesTo(citizen.userId)).toHaveLength(1);
  });

  it('tells the citizen on Zalo why their feedback was rejected, but gives spam no reply', async () => {
    const rejected = await citizenWrites();
    const spam = await citizenWrites('Mua bán đất giá rẻ liên hệ ngay hôm nay.');
    await eventually('both acknowledgements', () => messagesTo(rejected.userId).length >= 1 && messagesTo(spam.userId).length >= 1);
    expect((await transition(rejected.documentId, { moderationStatus: 'rejected', rejectionReason: 'out-of-scope' })).status).toBe(200);
    expect((await transition(spam.documentId, { moderationStatus: 'rejected', rejectionReason: 'spam' })).status).toBe(200);
    const [, reason] = await eventually('the rejection on Zalo', () => messagesTo(rejected.userId).length >= 2 && messagesTo(rejected.userId));
    expect(reason.text).toContain('Lý do: nội dung không thuộc phạm vi tiếp nhận.');
    expect(await zaloRow(app, spam.documentId, 'feedback.rejected')).toMatchObject({ status: 'skipped', lastError: 'rejected as spam: no reply to spam' });
    expect(messagesTo(spam.userId)).toHaveLength(1);
  });

  it('retries a Zalo answer of error ≠ 0 that may pass later (a rate limit), then delivers', async () => {
    zalo.script(CS_PATH, { error: -32, message: 'Request limit exceeded' });
    const citizen = await citizenWrites();
    await eventually('the acknowledgement after the retry', () => messagesTo(citizen.userId).length >= 1);
    const row = await eventually('the acknowledgement recorded as sent', async () => {
      const found = await zaloRow(app, citizen.documentId, 'feedback.receipt');
      return found?.status === 'sent' && found;
    });
    expect(row).toMatchObject({ attempts: 2, lastError: null, recipient: null });
    expect(csCallsFor(citizen.userId).map((call) => call.reply.error)).toEqual([-32, 0]);
  });

  it('fails at once on a permanent Zalo error (the user cannot be written to), keeping the reason and not the user id', async () => {
    zalo.script(CS_PATH, { error: -230, message: `User ${'2'.repeat(19)} has not interacted with the OA in the past 7 days` });
    const citizen = await citizenWrites();
    const row = await eventually('the acknowledgement recorded as failed', async () => {
      const found = await zaloRow(app, citizen.documentId, 'feedback.receipt');
      return found?.status === 'failed' && found;
    });
    expect(row).toMatchObject({ attempts: 1, recipient: null, lastError: expect.stringContaining('Zalo error -230') });
    expect(row.lastError).not.toContain('2'.repeat(19));
    expect(csCallsFor(citizen.userId)).toHaveLength(1);
    expect(messagesTo(citizen.userId)).toEqual([]);
  });

  it('refreshes an access token Zalo refuses and sends the message with the new one', async () => {
    zalo.expireAccessTokens();
    const citizen = await citizenWrites();
    await eventually('the acknowledgement with a fresh token', () => messagesTo(citizen.userId).length >= 1);
    const calls = csCallsFor(citizen.userId);
    expect(calls.map((call) => call.reply.error)).toEqual([-216, 0]);
    expect(calls[1].accessToken).not.toBe(calls[0].accessToken);
  });
});

describe('without the Zalo OA configured', () => {
  let app: TestApp;
  let ids: Awaited<ReturnType<typeof setUp>>;

  beforeAll(async () => {
    app = await startTestApp('notifications-zalo-off', baseEnv(null));
    ids = await setUp(app);
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('stores the feedback and records the acknowledgement as skipped, with the reason and without the user id', async () => {
    const userId = newUserId();
    const outcome = await sendFromZalo(app, userId, `${ids.shortCode} Đề nghị làm rõ đối tượng được hỗ trợ.`);
    expect(outcome.stored).toBe(true);
    const [feedback] = await storedFeedback(app.strapi, { trackingCode: outcome.trackingCode });
    const row = await zaloRow(app, feedback.documentId as string, 'feedback.receipt');
    expect(row).toMatchObject({ status: 'skipped', recipient: null, attempts: 0, lastError: expect.stringMatching(/^Zalo is not configured/) });
  });
});
