import { consultationDraftData, createDocument, policyData } from '../helpers/content';
import { feedbackCount, intakeBody, storedFeedback, UNLIMITED_RATE_ENV } from '../helpers/feedback';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { waitFor } from '../helpers/wait';

const POLICY = 'api::policy.policy';
const DRAFT = 'api::consultation-draft.consultation-draft';
const DAY = 86_400_000;
const PERSONAL = ['Nguyễn Thị Hoa', 'hoa.nguyen@example.vn', '0912345678'];

let app: TestApp;
const ids: Record<string, string> = {};

const window = (opensInDays: number, closesInDays: number) => ({
  opensAt: new Date(Date.now() + opensInDays * DAY).toISOString(),
  closesAt: new Date(Date.now() + closesInDays * DAY).toISOString(),
});

beforeAll(async () => {
  app = await startTestApp('feedback-intake', UNLIMITED_RATE_ENV);
  const { strapi } = app;
  ids.policy = (await createDocument(strapi, POLICY, policyData({ title: 'Chính sách hỗ trợ học sinh bán trú' }), { publish: true })).documentId;
  ids.unpublishedPolicy = (await createDocument(strapi, POLICY, policyData())).documentId;
  ids.open = (await createDocument(strapi, DRAFT, consultationDraftData(ids.policy, { title: 'Dự thảo đang lấy ý kiến', ...window(-1, 10) }), { publish: true })).documentId;
  ids.upcoming = (await createDocument(strapi, DRAFT, consultationDraftData(ids.policy, window(3, 10)), { publish: true })).documentId;
  ids.closed = (await createDocument(strapi, DRAFT, consultationDraftData(ids.policy, window(-10, -1)), { publish: true })).documentId;
  ids.unpublishedDraft = (await createDocument(strapi, DRAFT, consultationDraftData(ids.policy))).documentId;
});

afterAll(async () => {
  await app.stop();
});

const submit = (body: unknown) => app.http().post('/api/feedbacks').send(body as object);

const expectNoPersonalData = (body: unknown) => {
  const text = JSON.stringify(body);
  for (const value of PERSONAL) expect(text).not.toContain(value);
};

describe('a valid submission', () => {
  it('is answered 201 with the tracking code, status and due date only', async () => {
    const before = Date.now();
    const response = await submit(intakeBody({ consultationDraft: ids.open }));
    expect(response.status).toBe(201);
    expect(Object.keys(response.body)).toEqual(['data']);
    expect(Object.keys(response.body.data).sort()).toEqual(['dueAt', 'status', 'trackingCode']);
    expect(response.body.data.status).toBe('received');
    expect(response.body.data.trackingCode).toMatch(/^GY-[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{4}$/);
    const due = new Date(response.body.data.dueAt).getTime();
    expect(due).toBeGreaterThanOrEqual(before + 15 * DAY - 1000);
    expect(due).toBeLessThanOrEqual(Date.now() + 15 * DAY + 1000);
    expectNoPersonalData(response.body);

    const [stored] = await storedFeedback(app.strapi, { trackingCode: response.body.data.trackingCode });
    expect(stored).toMatchObject({ moderationStatus: 'received', source: 'web', submitterType: 'citizen', email: 'hoa.nguyen@example.vn', phone: '0912345678' });
    expect((stored.consultationDraft as { documentId: string }).documentId).toBe(ids.open);
    expect((stored.statusHistory as Array<{ status: string; changedBy: string }>).map((entry) => [entry.status, entry.changedBy])).toEqual([
      ['received', 'public:web'],
    ]);
  });

  it('accepts feedback on a published policy in force, and +84 phone numbers stored in local form', async () => {
    const response = await submit(intakeBody({ policy: ids.policy }, { phone: '+84 912 345 679', content: 'Thủ tục giải ngân còn chậm, đề nghị rút ngắn.', category: 'difficulty' }));
    expect(response.status).toBe(201);
    const [stored] = await storedFeedback(app.strapi, { trackingCode: response.body.data.trackingCode });
    expect(stored.phone).toBe('0912345679');
    expect((stored.policy as { documentId: string }).documentId).toBe(ids.policy);
  });

  it('accepts an anonymous citizen (no name, email or phone) and a business that names itself', async () => {
    const anonymous = await submit({ data: { policy: ids.policy, submitterType: 'citizen', content: 'Ý kiến ẩn danh về chính sách này.', category: 'comment' } });
    expect(anonymous.status).toBe(201);
    const business = await submit(intakeBody({ policy: ids.policy }, { submitterType: 'business', organizationName: 'Hợp tác xã Chè Tả Phìn', content: 'Doanh nghiệp đề nghị hướng dẫn rõ thủ tục.' }));
    expect(business.status).toBe(201);
  });
});

describe('the validation table', () => {
  const target = () => ({ consultationDraft: ids.open });
  const cases: Array<[string, () => unknown, string]> = [
    ['no target', () => intakeBody({}), 'consultationDraft'],
    ['both targets', () => intakeBody({ ...target(), policy: ids.policy }), 'not both'],
    ['content shorter than 10 characters after trimming', () => intakeBody(target(), { content: '   ngắn quá   ' }), 'content'],
    ['content longer than 5,000 characters', () => intakeBody(target(), { content: 'a'.repeat(5001) }), 'content'],
    ['content that is not a string', () => intakeBody(target(), { content: 12345678901 }), 'content'],
    ['a missing content', () => intakeBody(target(), { content: undefined }), 'content'],
    ['an invalid email', () => intakeBody(target(), { email: 'khong-phai-email' }), 'email'],
    ['a phone that is not Vietnamese', () => intakeBody(target(), { phone: '+1 555 123 4567' }), 'phone'],
    ['a phone with too few digits', () => intakeBody(target(), { phone: '091234' }), 'phone'],
    ['an unknown submitterType', () => intakeBody(target(), { submitterType: 'robot' }), 'submitterType'],
    ['a missing submitterType', () => intakeBody(target(), { submitterType: undefined }), 'submitterType'],
    ['an unknown category', () => intakeBody(target(), { category: 'complaint' }), 'category'],
    ['a missing category', () => intakeBody(target(), { category: undefined }), 'category'],
    ['a business without organizationName', () => intakeBody(target(), { submitterType: 'business' }), 'organizationName'],
    ['an organization with a blank organizationName', () => intakeBody(target(), { submitterType: 'organization', organizationName: '   ' }), 'organizationName'],
    ['a publicConsent that is not a boolean', () => intakeBody(target(), { publicConsent: 'yes' }), 'publicConsent'],
    ['a fullName longer than 255 characters', () => intakeBody(target(), { fullName: 'x'.repeat(256) }), 'fullName'],
    ['a malformed documentId', () => intakeBody({ consultationDraft: '../../etc/passwd' }), 'consultationDraft'],
    ['an unknown field', () => intakeBody(target(), { status: 'answered' }), 'status'],
    ['a field only admins set', () => intakeBody(target(), { trackingCode: 'GY-AAAA-AAAA' }), 'trackingCode'],
    ['an unknown top-level key', () => ({ ...intakeBody(target()), extra: true }), 'extra'],
    ['a body without data', () => ({ content: 'Tôi đề nghị bổ sung hỗ trợ.' }), 'data'],
    ['data that is an array', () => ({ data: [] }), 'data'],
  ];

  it.each(cases)('refuses %s with 400 naming the field, storing nothing and echoing no personal data', async (_label, body, field) => {
    const before = await feedbackCount(app.strapi);
    const response = await submit(body());
    expect(response.status).toBe(400);
    expect(response.body.data).toBeNull();
    expect(response.body.error.name).toBe('ValidationError');
    expect(`${response.body.error.message} ${JSON.stringify(response.body.error.details)}`).toContain(field);
    expectNoPersonalData(response.body);
    expect(await feedbackCount(app.strapi)).toBe(before);
  });

  it('refuses a body that is not JSON with 415 and malformed JSON with 400', async () => {
    const form = await app.http().post('/api/feedbacks').type('form').send('content=xin+chao');
    expect(form.status).toBe(415);
    const broken = await app.http().post('/api/feedbacks').set('Content-Type', 'application/json').send('{"data": {');
    expect(broken.status).toBe(400);
    expect(broken.body.error.message).toMatch(/JSON/);
  });
});

describe('the consultation window and the target', () => {
  it.each([
    ['upcoming', 'not open yet'],
    ['closed', 'closed'],
  ])('answers 409 for a consultation that is %s, giving the window', async (which, text) => {
    const response = await submit(intakeBody({ consultationDraft: ids[which] }));
    expect(response.status).toBe(409);
    expect(response.body.data).toBeNull();
    expect(response.body.error.message).toContain(text);
    expect(response.body.error.details).toMatchObject({ consultationStatus: which });
    expect(response.body.error.details.opensAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(response.body.error.details.closesAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expectNoPersonalData(response.body);
  });

  it.each([
    ['an unknown consultation draft', () => ({ consultationDraft: 'abcdefghijklmnopqrstuvwx' })],
    ['an unpublished consultation draft', () => ({ consultationDraft: ids.unpublishedDraft })],
    ['an unknown policy', () => ({ policy: 'abcdefghijklmnopqrstuvwx' })],
    ['an unpublished policy', () => ({ policy: ids.unpublishedPolicy })],
  ])('answers 404 for %s', async (_label, target) => {
    const before = await feedbackCount(app.strapi);
    const response = await submit(intakeBody(target()));
    expect(response.status).toBe(404);
    expect(response.body.error.name).toBe('NotFoundError');
    expectNoPersonalData(response.body);
    expect(await feedbackCount(app.strapi)).toBe(before);
  });
});

describe('plain text, NFC and duplicates', () => {
  const composed = 'Đề nghị tăng mức hỗ trợ tiền ăn cho học sinh vùng cao Y Tý.';
  const decomposed = composed.normalize('NFD');

  it('stores text NFC-normalised, without control characters, never as HTML', async () => {
    expect(decomposed).not.toBe(composed);
    const response = await submit(
      intakeBody({ consultationDraft: ids.open }, { email: 'nfc@example.vn', content: `\u0000 ${decomposed}\u0007\r\nDòng hai <b>đậm</b>\u202E ` , fullName: 'Tr\u0301ần  Văn\tAn' }),
    );
    expect(response.status).toBe(201);
    const [stored] = await storedFeedback(app.strapi, { trackingCode: response.body.data.trackingCode });
    expect(stored.content).toBe(`${composed}\nDòng hai <b>đậm</b>`);
    expect(stored.fullName).toBe('Tr\u0301ần Văn An'.normalize('NFC'));
  });

  it('answers the same content from the same contact for the same target within 24 h with the existing code (200)', async () => {
    const first = await submit(intakeBody({ consultationDraft: ids.open }, { email: 'dup@example.vn', content: composed }));
    expect(first.status).toBe(201);
    const before = await feedbackCount(app.strapi);
    // Typed on another keyboard (decomposed), with different spacing and case, and the email in capitals.
    const again = await submit(intakeBody({ consultationDraft: ids.open }, { email: 'DUP@example.vn', content: `  ${decomposed.toUpperCase()}  ` }));
    expect(again.status).toBe(200);
    expect(again.body.data).toEqual(first.body.data);
    expect(await feedbackCount(app.strapi)).toBe(before);
  });

  it('does not treat other content, another contact or another target as a duplicate', async () => {
    const base = { email: 'other@example.vn', content: 'Một ý kiến khác hẳn về dự thảo.' };
    expect((await submit(intakeBody({ consultationDraft: ids.open }, base))).status).toBe(201);
    expect((await submit(intakeBody({ consultationDraft: ids.open }, { ...base, content: `${base.content} Thêm ý.` }))).status).toBe(201);
    expect((await submit(intakeBody({ consultationDraft: ids.open }, { ...base, email: 'other2@example.vn' }))).status).toBe(201);
    expect((await submit(intakeBody({ policy: ids.policy }, base))).status).toBe(201);
  });

  it('no longer treats it as a duplicate after 24 hours', async () => {
    const body = intakeBody({ consultationDraft: ids.open }, { email: 'later@example.vn', content: 'Ý kiến gửi lại sau một ngày.' });
    const first = await submit(body);
    await app.strapi.db.query('api::feedback.feedback').update({
      where: { trackingCode: first.body.data.trackingCode },
      data: { createdAt: new Date(Date.now() - DAY - 60_000) },
    });
    const second = await submit(body);
    expect(second.status).toBe(201);
    expect(second.body.data.trackingCode).not.toBe(first.body.data.trackingCode);
  });
});

describe('tracking codes', () => {
  it('are unique under concurrent submissions', async () => {
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        submit(intakeBody({ policy: ids.policy }, { email: `concurrent${index}@example.vn`, content: `Ý kiến đồng thời số ${index} về chính sách.` })),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(201));
    const codes = responses.map((response) => response.body.data.trackingCode as string);
    expect(new Set(codes).size).toBe(20);
    const stored = await storedFeedback(app.strapi, { trackingCode: { $in: codes } });
    expect(stored).toHaveLength(20);
  });
});

describe('the write of a new feedback', () => {
  const FEEDBACK = 'api::feedback.feedback';

  it('cannot give a tracking code twice: the database itself refuses a second row with it (unique index)', async () => {
    const response = await submit(intakeBody({ policy: ids.policy }, { email: 'unique@example.vn', content: 'Ý kiến để kiểm tra mã tra cứu không trùng.' }));
    expect({ status: response.status, body: response.body }).toMatchObject({ status: 201 });
    const code = response.body.data.trackingCode as string;
    expect(code).toMatch(/^\S+$/);
    const copy = app.strapi.db.query(FEEDBACK).create({ data: { content: 'Một bản sao mang cùng mã tra cứu.', trackingCode: code, publishedAt: new Date() } });
    // By its message, not `toThrow()`: better-sqlite3's native module is loaded once per Jest process, so after the
    // first test file its SqliteError is an Error of another realm, which `rejects.toThrow()` does not recognise.
    await expect(copy).rejects.toHaveProperty('message', expect.stringMatching(/unique/i));
    expect(await storedFeedback(app.strapi, { trackingCode: code })).toHaveLength(1);
  });

  it('stores the feedback linked to its target, with its history, its due date and as a published row', async () => {
    const response = await submit(intakeBody({ policy: ids.policy }, { email: 'stored@example.vn', content: 'Ý kiến để kiểm tra bản ghi được lưu.' }));
    const [stored] = await storedFeedback(app.strapi, { trackingCode: response.body.data.trackingCode });
    expect(stored.policy).toMatchObject({ documentId: ids.policy });
    expect(stored.statusHistory).toEqual([expect.objectContaining({ status: 'received', changedBy: expect.any(String) })]);
    expect(new Date(stored.dueAt as string).toISOString()).toBe(response.body.data.dueAt);
    expect(stored.publishedAt).not.toBeNull();
  });

  it("announces it with Strapi's entry.create event (webhooks), without personal data", async () => {
    const events: Array<{ uid: string; entry: Record<string, unknown> }> = [];
    const off = app.strapi.eventHub.on('entry.create', async (event: { uid: string; entry: Record<string, unknown> }) => {
      events.push(event);
    }) as unknown as (() => void) | undefined;
    try {
      const response = await submit(intakeBody({ policy: ids.policy }, { email: 'event@example.vn', content: 'Ý kiến để kiểm tra sự kiện entry.create.' }));
      const code = response.body.data.trackingCode as string;
      const event = await waitFor(async () => events.find((candidate) => candidate.uid === FEEDBACK && candidate.entry.trackingCode === code), { what: 'the entry.create event' });
      expect(event.entry).toMatchObject({ moderationStatus: 'received', statusHistory: [expect.objectContaining({ status: 'received' })] });
      const text = JSON.stringify(event.entry);
      for (const value of [...PERSONAL, 'event@example.vn']) expect(text).not.toContain(value);
      expect(event.entry).not.toHaveProperty('dedupeKey');
    } finally {
      off?.();
    }
  });

  it('writes the receipt in the transaction of the feedback: when the receipt cannot be written, no feedback is stored', async () => {
    const before = await feedbackCount(app.strapi);
    // The outbox's table out of the way for one request: the receipt's write fails after the feedback's.
    await app.strapi.db.connection.schema.renameTable('notifications_messages', 'notifications_messages_away');
    try {
      const response = await submit(intakeBody({ policy: ids.policy }, { email: 'no-receipt@example.vn', content: 'Ý kiến mà biên nhận không ghi được.' }));
      expect(response.status).toBe(500);
    } finally {
      await app.strapi.db.connection.schema.renameTable('notifications_messages_away', 'notifications_messages');
    }
    expect(await feedbackCount(app.strapi)).toBe(before);
    expect(await storedFeedback(app.strapi, { email: 'no-receipt@example.vn' })).toEqual([]);
  });
});

describe('the honeypot', () => {
  it('answers like a success but stores the submission as rejected spam', async () => {
    const response = await submit(intakeBody({ consultationDraft: ids.open }, { website: 'http://spam.example', email: 'bot@example.vn' }));
    expect(response.status).toBe(201);
    expect(response.body.data.status).toBe('received');
    const [stored] = await storedFeedback(app.strapi, { trackingCode: response.body.data.trackingCode });
    expect(stored).toMatchObject({ moderationStatus: 'rejected', rejectionReason: 'spam' });
  });
});

describe('body size', () => {
  it('refuses a body over 32 KB with 413 and accepts one just under', async () => {
    const big = await submit(intakeBody({ consultationDraft: ids.open }, { content: 'a'.repeat(4000), fullName: 'b'.repeat(200), padding: 'x'.repeat(33 * 1024) }));
    expect(big.status).toBe(413);
    expect(big.body.error.name).toBe('PayloadTooLargeError');
    const near = await submit(intakeBody({ consultationDraft: ids.open }, { email: 'near@example.vn', content: 'ỹ'.repeat(5000) }));
    expect(near.status).toBe(201);
  });

  it('refuses an oversized body sent without Content-Length (chunked) with 413', async () => {
    const request = app.http().post('/api/feedbacks').set('Content-Type', 'application/json').set('Transfer-Encoding', 'chunked');
    request.write(JSON.stringify({ data: { content: 'x'.repeat(20 * 1024) } }));
    request.write(JSON.stringify({ more: 'y'.repeat(20 * 1024) }));
    const response = await request;
    expect(response.status).toBe(413);
  });
});

describe('tracking a submission', () => {
  it('shows status, target and dates, and no personal data; the response only once answered', async () => {
    const submitted = await submit(intakeBody({ consultationDraft: ids.open }, { email: 'track@example.vn', content: 'Ý kiến để tra cứu tình trạng.' }));
    const code = submitted.body.data.trackingCode as string;
    const response = await app.http().get(`/api/feedbacks/track/${code.toLowerCase()}`);
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({
      status: 'received',
      category: 'recommendation',
      target: { type: 'consultationDraft', documentId: ids.open, title: 'Dự thảo đang lấy ý kiến' },
      receivedAt: expect.stringMatching(/^\d{4}-/),
      dueAt: submitted.body.data.dueAt,
      response: null,
      respondedAt: null,
      respondingAgency: null,
      steps: [
        { key: 'received', label: 'Đã tiếp nhận ý kiến', state: 'done', at: expect.stringMatching(/^\d{4}-/) },
        { key: 'consultation-closed', label: 'Kết thúc thời gian lấy ý kiến', state: 'in-progress', at: expect.stringMatching(/^\d{4}-/) },
        { key: 'disposition', label: 'Cơ quan soạn thảo tiếp thu, giải trình', state: 'upcoming', at: null },
        { key: 'outcome-published', label: 'Công bố báo cáo tiếp thu, giải trình', state: 'upcoming', at: null },
      ],
      currentStep: 'consultation-closed',
      disposition: null,
      outcome: null,
    });
    expectNoPersonalData(response.body);
    expect(JSON.stringify(response.body)).not.toContain('track@example.vn');
  });

  it('answers 404 for an unknown code and 400 for a malformed one', async () => {
    expect((await app.http().get('/api/feedbacks/track/GY-2222-2222')).status).toBe(404);
    const malformed = await app.http().get('/api/feedbacks/track/not-a-code');
    expect(malformed.status).toBe(400);
  });
});

describe('the public answered list', () => {
  it('lists only answered feedback with consent, without names, emails, phones, organizations or codes', async () => {
    const agency = await app.strapi.documents('api::agency.agency').create({ locale: 'vi', data: { name: 'Sở Giáo dục và Đào tạo', code: 'SO-GDDT-T' } } as never);
    const make = async (content: string, publicConsent: boolean, answer: boolean) => {
      const response = await submit(
        intakeBody({ policy: ids.policy }, { content, publicConsent, submitterType: 'business', organizationName: 'Công ty Bí Mật', email: `${publicConsent}${answer}@example.vn` }),
      );
      const code = response.body.data.trackingCode as string;
      const [row] = await storedFeedback(app.strapi, { trackingCode: code });
      if (answer) {
        await app.strapi.documents('api::feedback.feedback').update({ documentId: row.documentId, data: { moderationStatus: 'assigned', respondingAgency: agency.documentId } } as never);
        await app.strapi.documents('api::feedback.feedback').update({ documentId: row.documentId, data: { moderationStatus: 'answered', response: `Trả lời: ${content}` } } as never);
      }
      return code;
    };
    const shownCode = await make('Ý kiến công khai đã được trả lời.', true, true);
    await make('Ý kiến không đồng ý công khai nhưng đã trả lời.', false, true);
    await make('Ý kiến công khai nhưng chưa trả lời.', true, false);

    const response = await app.http().get('/api/feedbacks/public').query({ policy: ids.policy });
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual([
      {
        content: 'Ý kiến công khai đã được trả lời.',
        category: 'recommendation',
        submitterType: 'business',
        response: 'Trả lời: Ý kiến công khai đã được trả lời.',
        respondedAt: expect.stringMatching(/^\d{4}-/),
        respondingAgency: { name: 'Sở Giáo dục và Đào tạo' },
      },
    ]);
    expect(response.body.meta.pagination).toEqual({ page: 1, pageSize: 25, pageCount: 1, total: 1 });
    const text = JSON.stringify(response.body);
    for (const secret of ['Công ty Bí Mật', '@example.vn', shownCode, 'Nguyễn Thị Hoa', '0912345678']) expect(text).not.toContain(secret);

    const tracked = await app.http().get(`/api/feedbacks/track/${shownCode}`);
    expect(tracked.body.data).toMatchObject({ status: 'answered', response: 'Trả lời: Ý kiến công khai đã được trả lời.', respondingAgency: { name: 'Sở Giáo dục và Đào tạo' } });
    expect(JSON.stringify(tracked.body)).not.toContain('Công ty Bí Mật');
  });

  it('pages, and refuses a missing, double or unknown target and unknown parameters', async () => {
    const paged = await app.http().get('/api/feedbacks/public').query({ consultationDraft: ids.open, pagination: { page: 2, pageSize: 5 } });
    expect(paged.status).toBe(200);
    expect(paged.body.meta.pagination).toMatchObject({ page: 2, pageSize: 5 });
    expect((await app.http().get('/api/feedbacks/public')).status).toBe(400);
    expect((await app.http().get('/api/feedbacks/public').query({ policy: ids.policy, consultationDraft: ids.open })).status).toBe(400);
    expect((await app.http().get('/api/feedbacks/public').query({ policy: ids.policy, populate: '*' })).status).toBe(400);
    expect((await app.http().get('/api/feedbacks/public').query({ policy: ids.policy, pagination: { pageSize: 500 } })).status).toBe(400);
    expect((await app.http().get('/api/feedbacks/public').query({ policy: ids.unpublishedPolicy })).status).toBe(404);
  });
});

describe('every other public read of feedback', () => {
  it('is refused on REST and GraphQL', async () => {
    const [row] = await storedFeedback(app.strapi);
    expect((await app.http().get('/api/feedbacks')).status).toBe(403);
    expect((await app.http().get(`/api/feedbacks/${row.documentId}`)).status).toBe(403);
    expect((await app.http().put(`/api/feedbacks/${row.documentId}`).send({ data: { moderationStatus: 'closed' } })).status).toBe(403);
    expect((await app.http().delete(`/api/feedbacks/${row.documentId}`)).status).toBe(403);
    const graphql = await app.http().post('/graphql').send({ query: '{ feedbacks { content trackingCode } }' });
    expect(graphql.body.data).toBeNull();
    expect(graphql.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const mutation = await app.http().post('/graphql').send({
      query: `mutation { createFeedback(data: { policy: "${ids.policy}", content: "Góp ý qua GraphQL", submitterType: citizen }) { documentId } }`,
    });
    expect(mutation.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
