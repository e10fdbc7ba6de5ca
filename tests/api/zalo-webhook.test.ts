import crypto from 'crypto';
import { consultationDraftData, createDocument, policyData } from '../helpers/content';
import { feedbackCount, storedFeedback, UNLIMITED_RATE_ENV } from '../helpers/feedback';
import { startTestApp, type TestApp } from '../helpers/strapi';

const POLICY = 'api::policy.policy';
const DRAFT = 'api::consultation-draft.consultation-draft';
const APP_ID = '4318290156403917000';
const SECRET = 'zalo-oa-test-secret';
const DAY = 86_400_000;

let app: TestApp;
const codes: Record<string, string> = {};
const ids: Record<string, string> = {};

const shortCodeOf = async (uid: string, documentId: string) =>
  ((await app.strapi.db.query(uid as never).findOne({ where: { documentId } })) as { shortCode: string }).shortCode;

beforeAll(async () => {
  app = await startTestApp('zalo-webhook', { ...UNLIMITED_RATE_ENV, ZALO_OA_APP_ID: APP_ID, ZALO_OA_SECRET_KEY: SECRET });
  ids.policy = (await createDocument(app.strapi, POLICY, policyData(), { publish: true })).documentId;
  ids.draft = (await createDocument(app.strapi, DRAFT, consultationDraftData(ids.policy), { publish: true })).documentId;
  ids.closed = (
    await createDocument(
      app.strapi,
      DRAFT,
      consultationDraftData(ids.policy, { opensAt: new Date(Date.now() - 9 * DAY).toISOString(), closesAt: new Date(Date.now() - DAY).toISOString() }),
      { publish: true },
    )
  ).documentId;
  codes.policy = await shortCodeOf(POLICY, ids.policy);
  codes.draft = await shortCodeOf(DRAFT, ids.draft);
  codes.closed = await shortCodeOf(DRAFT, ids.closed);
});

afterAll(async () => {
  await app.stop();
});

let messageSequence = 0;
const event = (text: string, overrides: Record<string, unknown> = {}) => {
  messageSequence += 1;
  return {
    app_id: APP_ID,
    user_id_by_app: '552177279717587730',
    event_name: 'user_send_text',
    timestamp: String(Date.now()),
    sender: { id: '246845883529197922' },
    recipient: { id: '579745863508352884' },
    message: { text, msg_id: `msg-${messageSequence}` },
    ...overrides,
  };
};

/** Zalo's documented scheme, computed here independently of the app: sha256(appId + body + timestamp + secret). */
const sign = (raw: string, timestamp: string, secret = SECRET, appId = APP_ID) =>
  `mac=${crypto.createHash('sha256').update(appId + raw + timestamp + secret).digest('hex')}`;

const post = (payload: Record<string, unknown>, signature?: string, raw = JSON.stringify(payload)) => {
  const request = app.http().post('/api/zalo/webhook').set('Content-Type', 'application/json');
  if (signature !== undefined) request.set('X-ZEvent-Signature', signature);
  return request.send(raw);
};

const postSigned = (payload: Record<string, unknown>) => {
  const raw = JSON.stringify(payload);
  return post(payload, sign(raw, String(payload.timestamp)), raw);
};

describe('short codes', () => {
  it('are given to every policy (CS…) and consultation draft (DT…) and can be chosen by editors', async () => {
    expect(codes.policy).toMatch(/^CS[A-Z0-9]{4}$/);
    expect(codes.draft).toMatch(/^DT[A-Z0-9]{4}$/);
    const chosen = await app.strapi.documents(POLICY).create({ locale: 'vi', data: policyData({ shortCode: 'cs-hoc-phi' }) } as never);
    expect(await shortCodeOf(POLICY, (chosen as { documentId: string }).documentId)).toBe('CSHOCPHI');
    await expect(app.strapi.documents(POLICY).create({ locale: 'vi', data: policyData({ shortCode: 'CSHOCPHI' }) } as never)).rejects.toMatchObject({
      name: 'ValidationError',
    });
    await expect(app.strapi.documents(POLICY).create({ locale: 'vi', data: policyData({ shortCode: 'ab' }) } as never)).rejects.toMatchObject({
      name: 'ValidationError',
    });
  });
});

describe('a signed message', () => {
  it('that starts with a draft short code becomes feedback from Zalo', async () => {
    const before = await feedbackCount(app.strapi);
    const response = await postSigned(event(`${codes.draft.toLowerCase()}: Đề nghị kéo dài thời gian lấy ý kiến thêm 15 ngày.`));
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ stored: true, duplicate: false, trackingCode: expect.stringMatching(/^GY-/) });
    expect(await feedbackCount(app.strapi)).toBe(before + 1);
    const [stored] = await storedFeedback(app.strapi, { trackingCode: response.body.data.trackingCode });
    expect(stored).toMatchObject({
      source: 'zalo',
      moderationStatus: 'received',
      submitterType: 'citizen',
      zaloUserId: '246845883529197922',
      content: 'Đề nghị kéo dài thời gian lấy ý kiến thêm 15 ngày.',
    });
    expect((stored.consultationDraft as { documentId: string }).documentId).toBe(ids.draft);
    expect((stored.statusHistory as Array<{ changedBy: string }>)[0].changedBy).toBe('public:zalo');
  });

  it('that names a policy becomes feedback on the policy; Zalo resending it stores nothing new', async () => {
    const payload = event(`${codes.policy} Thủ tục nhận hỗ trợ ở xã tôi còn rườm rà.`);
    const first = await postSigned(payload);
    expect(first.body.data.stored).toBe(true);
    const before = await feedbackCount(app.strapi);
    const again = await postSigned(payload);
    expect(again.status).toBe(200);
    expect(again.body.data).toEqual({ stored: true, duplicate: true, trackingCode: first.body.data.trackingCode });
    expect(await feedbackCount(app.strapi)).toBe(before);
  });

  it.each([
    ['an unknown short code', () => event('ZZ9999 Nội dung góp ý không có mã hợp lệ.'), 'unknown-short-code'],
    ['no short code', () => event('Ở xã tôi chưa ai được hỏi ý kiến về chính sách.'), 'no-short-code'],
    ['too short a content', () => event(`${codes.draft} ngắn`), 'invalid-content'],
    ['a closed consultation', () => event(`${codes.closed} Ý kiến gửi sau khi đã hết hạn lấy ý kiến.`), 'consultation-not-open'],
    ['a sender id longer than any Zalo user id', () => event(`${codes.draft} Góp ý với mã người gửi quá dài.`, { sender: { id: '9'.repeat(65) } }), 'invalid-sender'],
    ['another event (follow)', () => event('', { event_name: 'follow', message: undefined }), 'ignored-event'],
  ])('with %s is acknowledged (200) and stores nothing', async (_label, payload, reason) => {
    const before = await feedbackCount(app.strapi);
    const response = await postSigned(payload());
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ stored: false, reason });
    expect(await feedbackCount(app.strapi)).toBe(before);
  });
});

describe('an unauthenticated request', () => {
  const text = () => `${codes.draft} Góp ý giả mạo không được lưu lại.`;

  it.each([
    ['no signature', () => { const p = event(text()); return post(p); }],
    ['a signature made with another secret', () => { const p = event(text()); const raw = JSON.stringify(p); return post(p, sign(raw, p.timestamp, 'wrong-secret'), raw); }],
    ['a body changed after signing', () => { const p = event(text()); const raw = JSON.stringify(p); return post(p, sign(raw, p.timestamp), raw.replace('giả mạo', 'thật')); }],
    ['a signature over another timestamp', () => { const p = event(text()); const raw = JSON.stringify(p); return post(p, sign(raw, String(Number(p.timestamp) + 1)), raw); }],
    ['another app id', () => { const p = event(text(), { app_id: '999' }); const raw = JSON.stringify(p); return post(p, sign(raw, p.timestamp as string, SECRET, '999'), raw); }],
    ['a stale timestamp (10 minutes old), correctly signed', () => { const p = event(text(), { timestamp: String(Date.now() - 10 * 60_000) }); return postSigned(p); }],
    ['a timestamp from the future, correctly signed', () => { const p = event(text(), { timestamp: String(Date.now() + 10 * 60_000) }); return postSigned(p); }],
  ])('with %s is refused with 401 and stores nothing', async (_label, send) => {
    const before = await feedbackCount(app.strapi);
    const response = await send();
    expect(response.status).toBe(401);
    expect(response.body.data).toBeNull();
    expect(response.body.error.name).toBe('UnauthorizedError');
    expect(await feedbackCount(app.strapi)).toBe(before);
  });
});
