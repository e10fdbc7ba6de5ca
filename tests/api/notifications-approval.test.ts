import { asAdmin, SUPER_ADMIN_ENV } from '../helpers/admin';
import { createPolicyDraft, createTeam, POLICY, transition, type Person, type Team } from '../helpers/approval-workflow';
import { startSmtpServer } from '../helpers/fakes/smtp';
import { eventually } from '../helpers/publishing';
import { startTestApp, type TestApp } from '../helpers/strapi';

const NOTIFICATION = 'plugin::notifications.notification';

type Row = { status: string; topic: string; recipient: string | null; lastError: string | null; subject: string; body: string };

let app: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let team: Team;

beforeAll(async () => {
  smtp = await startSmtpServer();
  app = await startTestApp('notifications-approval', {
    ...SUPER_ADMIN_ENV,
    // Only the local SMTP server; the test env removes every other outside-service variable.
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    SMTP_FROM: 'cms@laocai.test',
    SMTP_TIMEOUT_MS: '3000',
    NOTIFICATIONS_POLL_INTERVAL_MS: '50',
    NOTIFICATIONS_RETRY_BASE_MS: '150',
  });
  team = await createTeam(app.strapi, 'na');
});

afterAll(async () => {
  await app?.stop();
  await smtp?.close();
});

const rowsOf = async (documentId: string): Promise<Row[]> =>
  (await app.strapi.db.query(NOTIFICATION).findMany({ where: { subjectDocumentId: documentId }, orderBy: { id: 'asc' } })) as Row[];

/** The e-mails about `title` that reached `person`. */
const mailsAbout = (person: Person, title: string) => smtp.to(person.email).filter((mail) => mail.subject.includes(title));

const act = async (person: Person, documentId: string, action: string, comment?: string) => {
  const response = await transition(app.strapi, person, POLICY, documentId, { action, ...(comment ? { comment } : {}) });
  expect(response.status).toBe(200);
};

const newPolicy = async (title: string) => createPolicyDraft(app.strapi, { title });

describe('e-mails to reviewers and authors', () => {
  it('tells everyone who may take the first step that a document was submitted to them, and nobody else', async () => {
    const title = 'Chính sách khuyến khích trồng quế';
    const documentId = await newPolicy(title);
    await act(team.editor, documentId, 'submit');
    for (const reviewer of [team.reviewer, team.reviewer2, team.reviewerLeader]) {
      const [mail] = await eventually(`the review request to ${reviewer.email}`, () => mailsAbout(reviewer, title).length > 0 && mailsAbout(reviewer, title));
      expect(mail.subject).toBe(`Cần duyệt / Review needed: ${title}`);
      expect(mail.text).toContain('đang chờ bạn duyệt (bước 1/2: Người duyệt / Reviewer)');
      expect(mail.text).toContain('is waiting for your review (step 1 of 2: Người duyệt / Reviewer)');
      expect(mail.envelopeTo).toEqual([reviewer.email]);
    }
    const rows = await rowsOf(documentId);
    expect(rows.map((row) => row.topic)).toEqual(['approval.review-requested', 'approval.review-requested', 'approval.review-requested']);
    await eventually('all three sent', async () => (await rowsOf(documentId)).every((row) => row.status === 'sent'));
    for (const other of [team.editor, team.editor2, team.leader, team.superAdmin]) expect(mailsAbout(other, title)).toEqual([]);
  });

  it("tells the next step's people when a step is approved, then tells the author the document was approved", async () => {
    const title = 'Chính sách hỗ trợ du lịch cộng đồng';
    const documentId = await newPolicy(title);
    await act(team.editor, documentId, 'submit');
    await act(team.reviewer, documentId, 'approve');
    // The leader step: the leader and the person holding both roles (who took no step yet).
    for (const leader of [team.leader, team.reviewerLeader]) {
      await eventually(`the step-2 request to ${leader.email}`, () => mailsAbout(leader, title).some((mail) => mail.text.includes('bước 2/2: Lãnh đạo / Leader')));
    }
    await act(team.leader, documentId, 'approve', 'Đồng ý ban hành.');
    const [approved] = await eventually('the approval e-mail to the author', () => {
      const mails = mailsAbout(team.editor, title);
      return mails.length > 0 && mails;
    });
    expect(approved.subject).toBe(`Đã được duyệt / Approved: ${title}`);
    expect(approved.text).toContain('của bạn đã được duyệt và có thể xuất bản');
    expect(approved.text).toContain('was approved and can be published');
    expect(approved.text).toContain('Ý kiến / Comment: Đồng ý ban hành.');
    // The reviewer approved step 1 and is not asked again; the actor is never told of their own action.
    expect(mailsAbout(team.reviewer, title).filter((mail) => mail.text.includes('bước 2/2'))).toEqual([]);
    expect(mailsAbout(team.leader, title).filter((mail) => mail.subject.startsWith('Đã được duyệt'))).toEqual([]);
  });

  it("tells the author their document needs changes, with the reviewer's comment", async () => {
    const title = 'Chính sách phát triển chè Shan tuyết';
    const documentId = await newPolicy(title);
    await act(team.editor, documentId, 'submit');
    await act(team.reviewer, documentId, 'request-changes', 'Bổ sung căn cứ pháp lý tại Điều 2.');
    const [mail] = await eventually('the changes-requested e-mail', () => mailsAbout(team.editor, title).length > 0 && mailsAbout(team.editor, title));
    expect(mail.subject).toBe(`Cần chỉnh sửa / Changes requested: ${title}`);
    expect(mail.text).toContain("Ý kiến của người duyệt / Reviewer's comment: Bổ sung căn cứ pháp lý tại Điều 2.");
    expect(mail.text).toContain('needs changes before it can be approved');
  });

  it('writes nothing for a transition that is refused', async () => {
    const documentId = await newPolicy('Chính sách bị từ chối thao tác');
    // The editor may not approve (no permission): 403, no state change, no message.
    const response = await transition(app.strapi, team.editor, POLICY, documentId, { action: 'approve' });
    expect(response.status).toBe(403);
    expect(await rowsOf(documentId)).toEqual([]);
  });
});

describe('GET/PUT /notifications/preferences', () => {
  const prefs = (person: Person) => asAdmin(app.strapi, person.token);

  it('gives every admin user, whatever their role, their own preferences, all on by default', async () => {
    for (const person of [team.editor2, team.reviewer2, team.leader, team.superAdmin]) {
      const response = await prefs(person).get('/notifications/preferences');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ data: { reviewRequests: true, reviewOutcomes: true, overdueDigest: true } });
    }
  });

  it('refuses a caller who is not logged in to the admin', async () => {
    expect((await app.http().get('/notifications/preferences')).status).toBe(401);
    expect((await app.http().put('/notifications/preferences').send({ data: { reviewOutcomes: false } })).status).toBe(401);
  });

  it.each([
    [{}, 'data'],
    [{ data: {} }, 'data'],
    [{ data: { reviewOutcomes: 'no' } }, 'data.reviewOutcomes'],
    [{ data: { emails: false } }, 'data'],
    [{ data: { reviewOutcomes: false }, adminUserId: 1 }, 'adminUserId'],
  ])('answers 400 naming the field for %j', async (body, field) => {
    const response = await prefs(team.editor2).put('/notifications/preferences').send(body);
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.error)).toContain(field);
  });

  it("changes only the caller's own switches and keeps the ones not given", async () => {
    const response = await prefs(team.reviewer2).put('/notifications/preferences').send({ data: { reviewRequests: false } });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: { reviewRequests: false, reviewOutcomes: true, overdueDigest: true } });
    expect((await prefs(team.reviewer2).get('/notifications/preferences')).body).toEqual({ data: { reviewRequests: false, reviewOutcomes: true, overdueDigest: true } });
    expect((await prefs(team.reviewer).get('/notifications/preferences')).body).toEqual({ data: { reviewRequests: true, reviewOutcomes: true, overdueDigest: true } });
  });

  it('records switched-off e-mails as skipped with the reason, sends them to nobody, and still e-mails the others', async () => {
    expect((await prefs(team.editor2).put('/notifications/preferences').send({ data: { reviewOutcomes: false } })).status).toBe(200);
    const title = 'Chính sách hỗ trợ hợp tác xã nông nghiệp';
    const documentId = await newPolicy(title);
    await act(team.editor2, documentId, 'submit');
    await eventually('the review request to reviewer 1', () => mailsAbout(team.reviewer, title).length > 0);
    await act(team.reviewer, documentId, 'request-changes', 'Làm rõ đối tượng áp dụng.');

    const rows = await eventually('the changes-requested message recorded', async () => {
      const found = await rowsOf(documentId);
      return found.some((row) => row.topic === 'approval.changes-requested') && found;
    });
    const skipped = rows.find((row) => row.topic === 'approval.changes-requested');
    expect(skipped).toMatchObject({ status: 'skipped', lastError: 'switched off by the recipient', recipient: null });
    // reviewer2 switched review requests off in the test above: skipped too; the others were sent.
    const requests = rows.filter((row) => row.topic === 'approval.review-requested');
    expect(requests.filter((row) => row.status === 'skipped')).toHaveLength(1);
    expect(requests.filter((row) => row.status === 'skipped')[0].lastError).toBe('switched off by the recipient');
    expect(mailsAbout(team.reviewer2, title)).toEqual([]);
    expect(mailsAbout(team.editor2, title)).toEqual([]);
  });
});
