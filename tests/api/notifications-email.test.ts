import { asAdmin, loginAdmin, SUPER_ADMIN, SUPER_ADMIN_ENV } from '../helpers/admin';
import { agencyData, consultationDraftData, createDocument, policyData, publishTrusted } from '../helpers/content';
import { pdfBytes } from '../helpers/upload-samples';
import { intakeBody, storedFeedback, UNLIMITED_RATE_ENV } from '../helpers/feedback';
import { startSmtpServer, type ReceivedMail } from '../helpers/fakes/smtp';
import { eventually } from '../helpers/publishing';
import { startTestApp, type TestApp } from '../helpers/strapi';

const AGENCY = 'api::agency.agency';
const POLICY = 'api::policy.policy';
const DRAFT = 'api::consultation-draft.consultation-draft';
const NOTIFICATION = 'plugin::notifications.notification';
const TRACKING = 'https://portal.test/tra-cuu/{trackingCode}';

type Row = { status: string; attempts: number; recipient: string | null; lastError: string | null; topic: string; subjectDocumentId: string };

const baseEnv = { ...SUPER_ADMIN_ENV, ...UNLIMITED_RATE_ENV, NOTIFICATIONS_POLL_INTERVAL_MS: '50', NOTIFICATIONS_RETRY_BASE_MS: '150', NOTIFICATIONS_MAX_ATTEMPTS: '30' };

const rowsOf = async (app: TestApp, documentId: string): Promise<Row[]> =>
  (await app.strapi.db.query(NOTIFICATION).findMany({ where: { subjectDocumentId: documentId }, orderBy: { id: 'asc' } })) as Row[];

const rowOf = async (app: TestApp, documentId: string, topic: string): Promise<Row | undefined> =>
  (await rowsOf(app, documentId)).find((row) => row.topic === topic);

const setUp = async (app: TestApp) => {
  const policy = (await createDocument(app.strapi, POLICY, policyData({ title: 'Chính sách hỗ trợ học sinh bán trú' }), { publish: true })).documentId;
  const draft = (await createDocument(app.strapi, DRAFT, consultationDraftData(policy), { publish: true })).documentId;
  const agency = (await createDocument(app.strapi, AGENCY, agencyData({ name: 'Sở Giáo dục và Đào tạo' }))).documentId;
  return { policy, draft, agency };
};

describe('with SMTP configured', () => {
  let app: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let ids: Awaited<ReturnType<typeof setUp>>;
  let admin: ReturnType<typeof asAdmin>;
  let sequence = 0;

  /** Submits feedback from a person of their own (unique address, name, phone); returns its code and row. */
  const submitAs = async (overrides: Record<string, unknown> = {}) => {
    sequence += 1;
    const person = { email: `nguoi-dan-${sequence}@example.vn`, fullName: `Người Dân Số ${sequence}`, phone: `09120000${String(sequence).padStart(2, '0')}` };
    const response = await app.http().post('/api/feedbacks').send(intakeBody({ consultationDraft: ids.draft }, { ...person, content: `Ý kiến thứ ${sequence} về dự thảo.`, ...overrides }));
    expect(response.status).toBe(201);
    const [row] = await storedFeedback(app.strapi, { trackingCode: response.body.data.trackingCode });
    return { ...person, trackingCode: row.trackingCode, documentId: row.documentId, dueAt: response.body.data.dueAt as string };
  };

  const transition = (documentId: string, body: Record<string, unknown>) => admin.post(`/public-participation/feedbacks/${documentId}/transition`).send(body);

  const mailTo = (address: string, what: string, count = 1) => eventually(`${count} e-mail(s) to ${address} (${what})`, () => smtp.to(address).length >= count && smtp.to(address));

  beforeAll(async () => {
    smtp = await startSmtpServer();
    app = await startTestApp('notifications-email', {
      ...baseEnv,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMTP_FROM: 'gop-y@laocai.test',
      SMTP_TIMEOUT_MS: '3000',
      PORTAL_TRACKING_URL_TEMPLATE: TRACKING,
    });
    ids = await setUp(app);
    admin = asAdmin(app.strapi, await loginAdmin(app.strapi, SUPER_ADMIN.email, SUPER_ADMIN.password));
  });

  afterAll(async () => {
    await app?.stop();
    await smtp?.close();
  });

  it('sends the submitter a receipt with the tracking code, the due date and the tracking link, to their address only', async () => {
    const person = await submitAs();
    const [mail] = await mailTo(person.email, 'receipt');
    expect(mail.envelopeTo).toEqual([person.email]);
    expect(mail.envelopeFrom).toBe('gop-y@laocai.test');
    expect(mail.to).toBe(person.email);
    expect(mail.subject).toBe(`Đã nhận góp ý của bạn (mã ${person.trackingCode})`);
    expect(mail.text).toContain(`Mã tra cứu: ${person.trackingCode}`);
    const due = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(person.dueAt));
    expect(mail.text).toContain(`Hạn trả lời: ${due}`);
    expect(mail.text).toContain(`Theo dõi góp ý: https://portal.test/tra-cuu/${person.trackingCode}`);
    // Not even the submitter's own name or phone: the message needs neither.
    expect(mail.raw).not.toContain(person.phone);
    expect(mail.text).not.toContain(person.fullName);

    const row = await eventually('the receipt recorded as sent', async () => {
      const found = await rowOf(app, person.documentId, 'feedback.receipt');
      return found?.status === 'sent' && found;
    });
    expect(row).toMatchObject({ attempts: 1, recipient: null, lastError: null });
  });

  it('writes nothing for a submitter who left no e-mail, nor for a bot caught by the honeypot', async () => {
    const silent = await submitAs({ email: null });
    const bot = await submitAs({ website: 'http://spam.example' });
    const witness = await submitAs();
    await mailTo(witness.email, 'a later receipt');
    expect(await rowsOf(app, silent.documentId)).toEqual([]);
    expect(smtp.to(bot.email)).toEqual([]);
    expect(await rowsOf(app, bot.documentId)).toEqual([]);
  });

  it('sends the answer when the agency answers, and the reason when feedback is rejected', async () => {
    const answered = await submitAs();
    const rejected = await submitAs();
    await mailTo(answered.email, 'receipt');
    await mailTo(rejected.email, 'receipt');

    expect((await transition(answered.documentId, { moderationStatus: 'assigned', respondingAgency: ids.agency })).status).toBe(200);
    expect((await transition(answered.documentId, { moderationStatus: 'answered', response: 'Sở sẽ bổ sung nội dung hỗ trợ vào Điều 5.' })).status).toBe(200);
    const [, answer] = await mailTo(answered.email, 'answer', 2);
    expect(answer.envelopeTo).toEqual([answered.email]);
    expect(answer.subject).toBe(`Trả lời góp ý của bạn (mã ${answered.trackingCode})`);
    expect(answer.text).toContain('Sở sẽ bổ sung nội dung hỗ trợ vào Điều 5.');
    expect(answer.text).toContain(`https://portal.test/tra-cuu/${answered.trackingCode}`);

    expect((await transition(rejected.documentId, { moderationStatus: 'rejected', rejectionReason: 'out-of-scope' })).status).toBe(200);
    const [, rejection] = await mailTo(rejected.email, 'rejection', 2);
    expect(rejection.subject).toBe(`Góp ý của bạn không được tiếp nhận (mã ${rejected.trackingCode})`);
    expect(rejection.text).toContain('Lý do: nội dung không thuộc phạm vi tiếp nhận.');

    // Closing an answered feedback says nothing new.
    expect((await transition(answered.documentId, { moderationStatus: 'closed' })).status).toBe(200);
    const later = await submitAs();
    await mailTo(later.email, 'a later receipt');
    expect(smtp.to(answered.email)).toHaveLength(2);
    expect((await rowsOf(app, answered.documentId)).map((row) => [row.topic, row.status])).toEqual([
      ['feedback.receipt', 'sent'],
      ['feedback.answered', 'sent'],
    ]);
  });

  it('writes the message in the transaction of the change: a rolled-back submission leaves no message and sends nothing', async () => {
    const before = await app.strapi.db.query(NOTIFICATION).count();
    const rollback = app.strapi.db.transaction(async () => {
      await app.strapi.documents('api::feedback.feedback').create({
        data: { consultationDraft: ids.draft, submitterType: 'citizen', email: 'rolled-back@example.vn', content: 'Ý kiến không bao giờ được lưu.', category: 'comment' },
      } as never);
      expect(await app.strapi.db.query(NOTIFICATION).count()).toBe(before + 1);
      throw new Error('the business change fails after the message was written');
    });
    await expect(rollback).rejects.toThrow('the business change fails');
    const witness = await submitAs();
    await mailTo(witness.email, 'a later receipt');
    expect(await app.strapi.db.query(NOTIFICATION).count()).toBe(before + 1);
    expect(smtp.to('rolled-back@example.vn')).toEqual([]);
  });

  it('records a rejection as spam as skipped: the address may not be the spammer’s', async () => {
    const spam = await submitAs();
    await mailTo(spam.email, 'receipt');
    expect((await transition(spam.documentId, { moderationStatus: 'rejected', rejectionReason: 'spam' })).status).toBe(200);
    const row = await rowOf(app, spam.documentId, 'feedback.rejected');
    expect(row).toMatchObject({ status: 'skipped', recipient: null, attempts: 0 });
    expect(row?.lastError).toMatch(/spam/);
  });

  it('keeps a notification through an SMTP outage (server down), retries it and delivers it once the server is back', async () => {
    await smtp.down();
    const person = await submitAs();
    const failing = await eventually('two failed attempts while the server is down', async () => {
      const row = await rowOf(app, person.documentId, 'feedback.receipt');
      return row && row.status === 'pending' && row.attempts >= 2 && row;
    });
    expect(failing.recipient).toBe(person.email);
    expect(failing.lastError).toMatch(/ECONNECTION|ECONNREFUSED/);
    await smtp.up();
    const [mail] = await mailTo(person.email, 'receipt after the outage');
    expect(mail.subject).toContain(person.trackingCode);
    const row = await eventually('the receipt recorded as sent', async () => {
      const found = await rowOf(app, person.documentId, 'feedback.receipt');
      return found?.status === 'sent' && found;
    });
    expect(row.recipient).toBeNull();
    expect(row.attempts).toBeGreaterThanOrEqual(3);
    expect(smtp.to(person.email)).toHaveLength(1);
  });

  it('retries while the server refuses connections (421) and delivers once it accepts again', async () => {
    smtp.refuse(true);
    const person = await submitAs();
    const failing = await eventually('two refused attempts', async () => {
      const row = await rowOf(app, person.documentId, 'feedback.receipt');
      return row && row.status === 'pending' && row.attempts >= 2 && row;
    });
    expect(failing.lastError).toMatch(/421/);
    expect(smtp.to(person.email)).toEqual([]);
    smtp.refuse(false);
    await mailTo(person.email, 'receipt after the refusals');
    await eventually('the receipt recorded as sent', async () => (await rowOf(app, person.documentId, 'feedback.receipt'))?.status === 'sent');
    expect(smtp.to(person.email)).toHaveLength(1);
  });

  it('tells everyone who took part, once per address, when the consultation’s outcome is published; not a spammer’s address', async () => {
    const draft = (await createDocument(app.strapi, DRAFT, consultationDraftData(ids.policy, { title: 'Dự thảo quy định về chợ nông thôn' }), { publish: true })).documentId;
    const first = await submitAs({ consultationDraft: draft });
    // The same person writes a second time, from the same address.
    await submitAs({ consultationDraft: draft, email: first.email });
    const other = await submitAs({ consultationDraft: draft });
    const spam = await submitAs({ consultationDraft: draft });
    await mailTo(first.email, 'two receipts', 2);
    await mailTo(other.email, 'receipt');
    await mailTo(spam.email, 'receipt');
    expect((await transition(spam.documentId, { moderationStatus: 'rejected', rejectionReason: 'spam' })).status).toBe(200);

    const uploaded = await admin.post('/upload').attach('files', pdfBytes(), { filename: 'bao-cao-cho-nong-thon.pdf', contentType: 'application/pdf' });
    expect(uploaded.status).toBe(201);
    await app.strapi.documents(DRAFT as never).update({ documentId: draft, locale: 'vi', data: { outcomeReport: uploaded.body[0].id } } as never);
    await publishTrusted(app.strapi, DRAFT, draft);

    const [, , outcome] = await mailTo(first.email, 'the outcome', 3);
    expect(outcome.envelopeTo).toEqual([first.email]);
    expect(outcome.subject).toBe('Kết quả lấy ý kiến: Dự thảo quy định về chợ nông thôn');
    expect(outcome.text).toMatch(/Báo cáo: http:\/\/[^\s]+\/uploads\/[^\s]+\.pdf/);
    expect(outcome.text).toContain(`Theo dõi góp ý: https://portal.test/tra-cuu/${first.trackingCode}`);
    const [, toOther] = await mailTo(other.email, 'the outcome', 2);
    expect(toOther.subject).toBe(outcome.subject);
    expect(toOther.text).toContain(other.trackingCode);

    // A second publish of the draft tells nobody again; the spammer's address hears nothing more.
    await app.strapi.documents(DRAFT as never).update({ documentId: draft, locale: 'vi', data: { summary: 'Bổ sung tóm tắt.' } } as never);
    await publishTrusted(app.strapi, DRAFT, draft);
    const witness = await submitAs();
    await mailTo(witness.email, 'a later receipt');
    expect(smtp.to(first.email)).toHaveLength(3);
    expect(smtp.to(other.email)).toHaveLength(2);
    expect(smtp.to(spam.email)).toHaveLength(1);
  });

  it('lists the outbox for super admins, without any recipient address', async () => {
    const response = await admin.get('/notifications/messages?pageSize=100');
    expect(response.status).toBe(200);
    expect(response.body.data.length).toBeGreaterThan(0);
    expect(response.body.data[0]).toEqual(expect.objectContaining({ channel: 'email', topic: expect.any(String), status: expect.any(String), attempts: expect.any(Number) }));
    expect(JSON.stringify(response.body)).not.toMatch(/@example\.vn/);
    const sent = await admin.get('/notifications/messages?status=sent&topic=feedback.answered');
    expect(sent.status).toBe(200);
    expect(sent.body.data.every((row: Row) => row.status === 'sent' && row.topic === 'feedback.answered')).toBe(true);
    expect((await admin.get('/notifications/messages?status=lost')).status).toBe(400);
  });

  it('never sent anyone a message about someone else’s feedback', async () => {
    const owners = new Map<string, string>();
    for (const row of await storedFeedback(app.strapi)) if (row.email) owners.set(row.trackingCode, row.email as string);
    expect(smtp.received.length).toBeGreaterThan(0);
    for (const mail of smtp.received as ReceivedMail[]) {
      expect(mail.envelopeTo).toHaveLength(1);
      const codes = [...owners.keys()].filter((code) => mail.raw.includes(code) || mail.text.includes(code));
      expect(codes).toHaveLength(1);
      expect(mail.envelopeTo[0]).toBe(owners.get(codes[0]));
      // (Someone may have written twice from one address: their own address is not someone else's.)
      for (const [code, email] of owners) if (code !== codes[0] && email !== mail.envelopeTo[0]) expect(mail.raw).not.toContain(email);
    }
  });
});

describe('without SMTP configured', () => {
  let app: TestApp;
  let ids: Awaited<ReturnType<typeof setUp>>;

  beforeAll(async () => {
    // No SMTP_* variable at all (the test env removes any from the shell); no tracking link either.
    app = await startTestApp('notifications-email-off', baseEnv);
    ids = await setUp(app);
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('records the receipt as skipped, with the reason and without the address, and the submission succeeds', async () => {
    const response = await app.http().post('/api/feedbacks').send(intakeBody({ consultationDraft: ids.draft }, { email: 'khong-gui@example.vn' }));
    expect(response.status).toBe(201);
    const [feedback] = await storedFeedback(app.strapi, { trackingCode: response.body.data.trackingCode });
    const rows = await rowsOf(app, feedback.documentId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ topic: 'feedback.receipt', status: 'skipped', recipient: null, attempts: 0, lastError: 'e-mail is not configured: SMTP_HOST is not set' });
    const stored = (await app.strapi.db.query(NOTIFICATION).findOne({ where: { subjectDocumentId: feedback.documentId } })) as { body: string };
    expect(stored.body).not.toContain('http');
  });
});
