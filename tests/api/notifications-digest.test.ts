import { asAdmin, createAdminUser, loginAdmin, SUPER_ADMIN, SUPER_ADMIN_ENV } from '../helpers/admin';
import { COORDINATOR_ROLE } from '../helpers/agencies';
import { agencyData, consultationDraftData, createDocument, policyData } from '../helpers/content';
import { intakeBody, storedFeedback, UNLIMITED_RATE_ENV } from '../helpers/feedback';
import { startSmtpServer } from '../helpers/fakes/smtp';
import { eventually } from '../helpers/publishing';
import { startTestApp, type TestApp } from '../helpers/strapi';

const AGENCY = 'api::agency.agency';
const FOCAL_POINT = 'api::focal-point.focal-point';
const POLICY = 'api::policy.policy';
const DRAFT = 'api::consultation-draft.consultation-draft';
const FEEDBACK = 'api::feedback.feedback';
const NOTIFICATION = 'plugin::notifications.notification';
const DIGEST_TASK = 'feedback::overdue-digest';
const DAY = 86_400_000;

type Job = { name: string | null; options: { rule: string; tz?: string }; job: { invoke(): Promise<unknown>; nextInvocation(): Date | null } };

describe('the daily digest of overdue feedback', () => {
  let app: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let admin: ReturnType<typeof asAdmin>;
  let sequence = 0;
  const people: Array<{ email: string; fullName: string; phone: string; content: string }> = [];
  const code: Record<string, string> = {};

  const digestJob = () => (app.strapi.cron.jobs as unknown as Job[]).find((job) => job.name === DIGEST_TASK);

  /** Submits a feedback through the public API as a person of their own; returns its documentId and tracking code. */
  const submit = async (draft: string) => {
    sequence += 1;
    const person = { email: `cong-dan-${sequence}@example.vn`, fullName: `Công Dân Số ${sequence}`, phone: `09130000${String(sequence).padStart(2, '0')}`, content: `Nội dung riêng số ${sequence} của người gửi.` };
    people.push(person);
    const response = await app.http().post('/api/feedbacks').send(intakeBody({ consultationDraft: draft }, person));
    expect(response.status).toBe(201);
    const [row] = await storedFeedback(app.strapi, { trackingCode: response.body.data.trackingCode });
    return { documentId: row.documentId as string, trackingCode: row.trackingCode as string };
  };

  const transition = async (documentId: string, body: Record<string, unknown>) =>
    expect((await admin.post(`/public-participation/feedbacks/${documentId}/transition`).send(body)).status).toBe(200);

  /** The fixture's clock: the feedback fell due `days` days ago (negative: falls due later). */
  const dueDaysAgo = (documentId: string, days: number) =>
    app.strapi.db.query(FEEDBACK).update({ where: { documentId }, data: { dueAt: new Date(Date.now() - days * DAY) } });

  const focalPoint = (agency: string, data: Record<string, unknown>) =>
    app.strapi.documents(FOCAL_POINT as never).create({ data: { agency, ...data } } as never);

  /** Every message has reached a final status (sent or skipped): nothing more will arrive. */
  const settled = () =>
    eventually('every message to be sent or skipped', async () =>
      Number(await app.strapi.db.query(NOTIFICATION).count({ where: { status: { $in: ['pending', 'sending'] } } })) === 0,
    );

  beforeAll(async () => {
    smtp = await startSmtpServer();
    app = await startTestApp('notifications-digest', {
      ...SUPER_ADMIN_ENV,
      ...UNLIMITED_RATE_ENV,
      NOTIFICATIONS_POLL_INTERVAL_MS: '50',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMTP_FROM: 'gop-y@laocai.test',
    });
    admin = asAdmin(app.strapi, await loginAdmin(app.strapi, SUPER_ADMIN.email, SUPER_ADMIN.password));

    const policy = (await createDocument(app.strapi, POLICY, policyData({ title: 'Chính sách hỗ trợ nhà ở xã hội' }), { publish: true })).documentId;
    const draft = (await createDocument(app.strapi, DRAFT, consultationDraftData(policy, { title: 'Dự thảo quy định nhà ở xã hội' }), { publish: true })).documentId;
    const agencyA = (await createDocument(app.strapi, AGENCY, agencyData({ name: 'Sở Xây dựng' }))).documentId;
    const agencyB = (await createDocument(app.strapi, AGENCY, agencyData({ name: 'Sở Tài chính' }))).documentId;
    const agencyC = (await createDocument(app.strapi, AGENCY, agencyData({ name: 'Sở Đã giải thể' }))).documentId;

    await focalPoint(agencyA, { fullName: 'Đầu Mối A', role: 'focal-point', email: 'Dau.Moi.A@soxd.test' });
    await focalPoint(agencyA, { fullName: 'Lãnh Đạo A', role: 'leader-in-charge', email: 'lanh.dao.a@soxd.test' });
    await focalPoint(agencyA, { fullName: 'Đầu Mối Cũ A', role: 'focal-point', email: 'cu.a@soxd.test', active: false });
    await focalPoint(agencyA, { fullName: 'Không Thư A', role: 'focal-point' });
    await focalPoint(agencyB, { fullName: 'Đầu Mối B', role: 'focal-point', email: 'dau.moi.b@sotc.test' });
    await focalPoint(agencyC, { fullName: 'Đầu Mối C', role: 'focal-point', email: 'dau.moi.c@giaithe.test' });

    // The leader in charge of A is also an admin user, who switched the digest off.
    const leader = await createAdminUser(app.strapi, { email: 'lanh.dao.a@soxd.test', roleCodes: ['strapi-editor'] });
    const switchOff = await asAdmin(app.strapi, leader.token).put('/notifications/preferences').send({ data: { overdueDigest: false } });
    expect(switchOff.body).toEqual({ data: { reviewRequests: true, reviewOutcomes: true, overdueDigest: false } });
    await createAdminUser(app.strapi, { email: 'dieu.phoi@stttt.test', roleCodes: [COORDINATOR_ROLE] });

    const items = {
      oldA: await submit(draft),
      newA: await submit(draft),
      notYetDueA: await submit(draft),
      answeredA: await submit(draft),
      unassigned: await submit(draft),
      inactiveC: await submit(draft),
      notYetDueUnassigned: await submit(draft),
    };
    for (const [key, item] of Object.entries(items)) code[key] = item.trackingCode;
    for (const item of [items.oldA, items.newA, items.notYetDueA, items.answeredA]) {
      await transition(item.documentId, { moderationStatus: 'assigned', respondingAgency: agencyA });
    }
    await transition(items.answeredA.documentId, { moderationStatus: 'answered', response: 'Đã tiếp thu.' });
    await transition(items.inactiveC.documentId, { moderationStatus: 'assigned', respondingAgency: agencyC });
    await app.strapi.documents(AGENCY as never).update({ documentId: agencyC, locale: 'vi', data: { active: false } } as never);

    await dueDaysAgo(items.oldA.documentId, 9);
    await dueDaysAgo(items.newA.documentId, 2);
    await dueDaysAgo(items.notYetDueA.documentId, -3);
    await dueDaysAgo(items.answeredA.documentId, 20);
    await dueDaysAgo(items.unassigned.documentId, 1);
    await dueDaysAgo(items.inactiveC.documentId, 5);
    await dueDaysAgo(items.notYetDueUnassigned.documentId, -1);
    // The citizens' receipts and the answer went out: from here on only digests arrive.
    await settled();
    smtp.received.length = 0;
  });

  afterAll(async () => {
    await app?.stop();
    await smtp?.close();
  });

  it('is scheduled on working days at 07:00 in Vietnam', () => {
    const job = digestJob();
    expect(job?.options).toEqual({ rule: '0 7 * * 1-5', tz: 'Asia/Ho_Chi_Minh' });
    const next = job!.job.nextInvocation() as Date;
    const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', weekday: 'short', hour: '2-digit', minute: '2-digit', hour12: false }).formatToParts(next);
    const part = (type: string) => parts.find((p) => p.type === type)?.value;
    expect(`${part('hour')}:${part('minute')}`).toBe('07:00');
    expect(['Mon', 'Tue', 'Wed', 'Thu', 'Fri']).toContain(part('weekday'));
  });

  it("sends each agency's focal points their overdue feedback, oldest first, and the coordinators what nobody was assigned", async () => {
    await digestJob()!.job.invoke();
    await settled();

    const addresses = smtp.received.map((mail) => mail.envelopeTo.join(',')).sort();
    expect(addresses).toEqual(['dau.moi.a@soxd.test', 'dieu.phoi@stttt.test']);

    const [toA] = smtp.to('dau.moi.a@soxd.test');
    expect(toA.subject).toBe('Góp ý quá hạn trả lời / Overdue feedback: Sở Xây dựng (2)');
    expect(toA.text).toContain('Sở Xây dựng: 2 góp ý của người dân, doanh nghiệp đã quá hạn trả lời');
    const lines = toA.text.split('\n').filter((line) => line.startsWith('- '));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^- ${code.oldA}: hạn \\d{2}/\\d{2}/\\d{4}, quá 9 ngày \\(Dự thảo: Dự thảo quy định nhà ở xã hội\\)$`));
    expect(lines[1]).toMatch(new RegExp(`^- ${code.newA}: .*quá 2 ngày`));
    for (const other of [code.notYetDueA, code.answeredA, code.unassigned, code.inactiveC]) expect(toA.text).not.toContain(other);

    const [toCoordinator] = smtp.to('dieu.phoi@stttt.test');
    expect(toCoordinator.subject).toContain('(1)');
    expect(toCoordinator.text).toContain(code.unassigned);
    for (const other of [code.oldA, code.newA, code.inactiveC, code.notYetDueUnassigned]) expect(toCoordinator.text).not.toContain(other);

    // No citizen's name, address, phone or words in any digest.
    for (const mail of smtp.received) {
      for (const person of people) {
        for (const value of [person.email, person.fullName, person.phone, person.content]) expect(mail.raw).not.toContain(value);
      }
    }
  });

  it('records the switched-off leader as skipped, writes nothing for an inactive focal point or agency, and sends once a day however often it runs', async () => {
    const rows = (await app.strapi.db.query(NOTIFICATION).findMany({ where: { topic: 'feedback.overdue-digest' }, orderBy: { id: 'asc' } })) as Array<{
      status: string;
      recipient: string | null;
      lastError: string | null;
    }>;
    expect(rows.map((row) => row.status).sort()).toEqual(['sent', 'sent', 'skipped']);
    const skipped = rows.find((row) => row.status === 'skipped');
    expect(skipped).toMatchObject({ recipient: null, lastError: 'switched off by the recipient' });

    await digestJob()!.job.invoke();
    await settled();
    expect(Number(await app.strapi.db.query(NOTIFICATION).count({ where: { topic: 'feedback.overdue-digest' } }))).toBe(3);
    expect(smtp.received).toHaveLength(2);
  });
});
