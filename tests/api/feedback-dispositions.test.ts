import { asAdmin, createAdminUser, loginAdmin, SUPER_ADMIN, SUPER_ADMIN_ENV } from '../helpers/admin';
import { createAgency, createMember, SCOPED_ENV } from '../helpers/agencies';
import { consultationDraftData, createDocument, policyData } from '../helpers/content';
import { FEEDBACK_UID, intakeBody, storedFeedback, UNLIMITED_RATE_ENV } from '../helpers/feedback';
import { startTestApp, type TestApp } from '../helpers/strapi';

/**
 * Dispositions of consultation feedback (tiếp thu / giải trình): set one at a time or in bulk
 * through the public-participation admin routes, the explanation rule on every write path, groups
 * of duplicates sharing one disposition, agency scope, and the summary of a draft's report.
 */

const POLICY = 'api::policy.policy';
const DRAFT = 'api::consultation-draft.consultation-draft';
const EDITOR_ROLE = 'approval-workflow-editor';
const CM = `/content-manager/collection-types/${FEEDBACK_UID}`;
const DAY = 86_400_000;

type Client = ReturnType<typeof asAdmin>;
let app: TestApp;
let admin: Client;
let editorA: Client;
let reader: Client;
let agencyA: string;
let agencyB: string;
let policy: string;
let emails = 0;

const disposition = (documentId: string) => `/public-participation/feedbacks/${documentId}/disposition`;
const dispositions = (draft: string) => `/public-participation/consultation-drafts/${draft}/dispositions`;

const newDraft = async () => (await createDocument(app.strapi, DRAFT, consultationDraftData(policy), { publish: true })).documentId;

/** Submits a feedback through the public intake (a new contact each time) and assigns it to `agency` when given. */
const submit = async (target: Record<string, string>, content: string, agency?: string) => {
  emails += 1;
  const response = await app.http().post('/api/feedbacks').send(intakeBody(target, { email: `nguoi.gop.y.${emails}@example.vn`, content }));
  expect(response.status).toBe(201);
  const [row] = await storedFeedback(app.strapi, { trackingCode: response.body.data.trackingCode });
  if (agency) {
    await app.strapi.documents(FEEDBACK_UID).update({ documentId: row.documentId, data: { moderationStatus: 'assigned', respondingAgency: agency } } as never);
  }
  return row.documentId;
};

const stored = async (documentId: string) => (await storedFeedback(app.strapi, { documentId }))[0];

/** The field a 400 names first. */
const namedField = (body: { error: { details: { errors?: Array<{ path: string[] }> } } }) => body.error.details.errors?.[0]?.path.join('.');

beforeAll(async () => {
  app = await startTestApp('feedback-dispositions', { ...SUPER_ADMIN_ENV, ...SCOPED_ENV, ...UNLIMITED_RATE_ENV });
  const { strapi } = app;
  const superToken = await loginAdmin(strapi, SUPER_ADMIN.email, SUPER_ADMIN.password);
  admin = asAdmin(strapi, superToken);
  agencyA = await createAgency(strapi, 'DISP-A');
  agencyB = await createAgency(strapi, 'DISP-B');
  editorA = asAdmin(strapi, (await createMember(strapi, superToken, { email: 'editor.a@disp.test.gov.vn', roleCodes: [EDITOR_ROLE], agencies: [agencyA] })).token);
  const readerRole = await strapi.service('admin::role').create({ name: 'Chỉ xem góp ý', description: 'read only' });
  await strapi.service('admin::role').assignPermissions(readerRole.id, [
    { action: 'plugin::public-participation.read', subject: null, properties: {}, conditions: [] },
    { action: 'plugin::content-manager.explorer.read', subject: FEEDBACK_UID, properties: { fields: ['content', 'disposition'] }, conditions: [] },
  ]);
  reader = asAdmin(strapi, (await createAdminUser(strapi, { email: 'reader@disp.test.gov.vn', roleCodes: [readerRole.code] })).token);
  policy = (await createDocument(strapi, POLICY, policyData({ leadAgency: agencyA }), { publish: true })).documentId;
});

afterAll(async () => {
  await app?.stop();
});

describe('the disposition of one feedback', () => {
  let draft: string;
  let feedback: string;

  beforeAll(async () => {
    draft = await newDraft();
    feedback = await submit({ consultationDraft: draft }, 'Đề nghị nâng mức hỗ trợ tiền ăn cho học sinh bán trú.');
  });

  it('records the disposition, the provision, who set it and when', async () => {
    const response = await admin.put(disposition(feedback)).send({ disposition: 'accepted', provision: 'Điều 5, khoản 2' });
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ documentId: feedback, disposition: 'accepted', provision: 'Điều 5, khoản 2', explanation: null, groupSize: 1, applied: [feedback], outsideScope: 0 });
    expect(response.body.data.groupKey).toMatch(/^[0-9a-f]{16}$/);
    const row = await stored(feedback);
    expect(row).toMatchObject({ disposition: 'accepted', provision: 'Điều 5, khoản 2' });
    expect(row.dispositionBy).toMatch(/admin #\d+/);
    expect(Date.now() - new Date(row.dispositionAt as string).getTime()).toBeLessThan(60_000);
  });

  it('refuses not-accepted without an explanation with a 400 naming explanation, changing nothing', async () => {
    for (const body of [{ disposition: 'not-accepted' }, { disposition: 'not-accepted', explanation: '  \n ' }, { disposition: 'not-accepted', explanation: null }]) {
      const response = await admin.put(disposition(feedback)).send(body);
      expect(response.status).toBe(400);
      expect(namedField(response.body)).toBe('explanation');
      expect(response.body.error.message).toContain('explanation');
    }
    expect((await stored(feedback)).disposition).toBe('accepted');
  });

  it('takes not-accepted with its explanation, then replaces the whole disposition on the next PUT', async () => {
    const explained = await admin.put(disposition(feedback)).send({ disposition: 'not-accepted', explanation: 'Ngân sách tỉnh chưa cân đối được mức này.', provision: 'Điều 3' });
    expect(explained.status).toBe(200);
    expect(await stored(feedback)).toMatchObject({ disposition: 'not-accepted', explanation: 'Ngân sách tỉnh chưa cân đối được mức này.', provision: 'Điều 3' });
    const replaced = await admin.put(disposition(feedback)).send({ disposition: 'noted' });
    expect(replaced.status).toBe(200);
    expect(await stored(feedback)).toMatchObject({ disposition: 'noted', explanation: null, provision: null });
  });

  it('answers 400 naming the field for an unknown disposition, an unknown field, and a feedback on a policy; 404 for an unknown feedback', async () => {
    const unknown = await admin.put(disposition(feedback)).send({ disposition: 'maybe' });
    expect(unknown.status).toBe(400);
    expect(namedField(unknown.body)).toBe('disposition');
    const missing = await admin.put(disposition(feedback)).send({});
    expect(missing.status).toBe(400);
    expect(namedField(missing.body)).toBe('disposition');
    const extra = await admin.put(disposition(feedback)).send({ disposition: 'accepted', dispositionBy: 'Người khác' });
    expect(extra.status).toBe(400);
    const tooLong = await admin.put(disposition(feedback)).send({ disposition: 'accepted', provision: 'Đ'.repeat(256) });
    expect(tooLong.status).toBe(400);
    expect(namedField(tooLong.body)).toBe('provision');

    const onPolicy = await submit({ policy }, 'Thủ tục nhận hỗ trợ còn rườm rà, cần đơn giản hoá.');
    const refused = await admin.put(disposition(onPolicy)).send({ disposition: 'accepted' });
    expect(refused.status).toBe(400);
    expect(namedField(refused.body)).toBe('disposition');
    expect(refused.body.error.message).toContain('consultation draft');
    expect((await stored(onPolicy)).disposition).toBeNull();

    expect((await admin.put(disposition('abcdefghijklmnopqrstuvwx')).send({ disposition: 'accepted' })).status).toBe(404);
    expect((await admin.put(disposition(feedback)).send('not json').set('Content-Type', 'text/plain')).status).toBeLessThan(500);
    expect((await stored(feedback)).disposition).toBe('noted');
  });

  it('is refused (403) to a role without the moderate permission, changing nothing', async () => {
    const response = await reader.put(disposition(feedback)).send({ disposition: 'accepted' });
    expect(response.status).toBe(403);
    expect((await stored(feedback)).disposition).toBe('noted');
  });
});

describe('the explanation rule on the other write paths', () => {
  let draft: string;
  let feedback: string;

  beforeAll(async () => {
    draft = await newDraft();
    feedback = await submit({ consultationDraft: draft }, 'Đề nghị bổ sung đối tượng là học sinh khuyết tật.');
  });

  it('holds in the content manager: 400 naming explanation, then accepted with one, recorded by the server', async () => {
    const refused = await admin.put(`${CM}/${feedback}`).send({ disposition: 'not-accepted' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.name).toBe('ValidationError');
    expect(namedField(refused.body)).toBe('explanation');
    expect((await stored(feedback)).disposition).toBeNull();

    const accepted = await admin
      .put(`${CM}/${feedback}`)
      .send({ disposition: 'not-accepted', explanation: 'Đối tượng này đã có chính sách riêng.', dispositionBy: 'Giả mạo', dispositionAt: '2000-01-01T00:00:00.000Z' });
    expect(accepted.status).toBe(200);
    const row = await stored(feedback);
    expect(row).toMatchObject({ disposition: 'not-accepted', explanation: 'Đối tượng này đã có chính sách riêng.' });
    expect(row.dispositionBy).toMatch(/admin #\d+/);
    expect(new Date(row.dispositionAt as string).getFullYear()).toBeGreaterThan(2000);
  });

  it('holds in the content manager when only the explanation is emptied', async () => {
    const refused = await admin.put(`${CM}/${feedback}`).send({ explanation: '' });
    expect(refused.status).toBe(400);
    expect(namedField(refused.body)).toBe('explanation');
    expect((await stored(feedback)).explanation).toBe('Đối tượng này đã có chính sách riêng.');
  });

  it('keeps who and when when the form sends them back without changing the disposition', async () => {
    const before = await stored(feedback);
    const response = await admin.put(`${CM}/${feedback}`).send({ disposition: 'not-accepted', dispositionBy: 'Giả mạo', dispositionAt: '2000-01-01T00:00:00.000Z', category: 'question' });
    expect(response.status).toBe(200);
    const after = await stored(feedback);
    expect(after.dispositionBy).toBe(before.dispositionBy);
    expect(new Date(after.dispositionAt as string).getTime()).toBe(new Date(before.dispositionAt as string).getTime());
  });

  it('holds in the document service, as a ValidationError naming the field', async () => {
    const other = await submit({ consultationDraft: draft }, 'Cần công khai danh sách học sinh được hỗ trợ.');
    await expect(app.strapi.documents(FEEDBACK_UID).update({ documentId: other, data: { disposition: 'not-accepted' } } as never)).rejects.toMatchObject({
      name: 'ValidationError',
      details: { errors: [{ path: ['explanation'] }] },
    });
    const onPolicy = await submit({ policy }, 'Ý kiến về chính sách đang thực hiện.');
    await expect(app.strapi.documents(FEEDBACK_UID).update({ documentId: onPolicy, data: { disposition: 'accepted' } } as never)).rejects.toMatchObject({
      name: 'ValidationError',
      details: { errors: [{ path: ['disposition'] }] },
    });
    expect((await stored(other)).disposition).toBeNull();
    expect((await stored(onPolicy)).disposition).toBeNull();
  });
});

describe('groups of duplicates', () => {
  let draft: string;
  const campaign: string[] = [];
  let lone: string;

  beforeAll(async () => {
    draft = await newDraft();
    // A mass campaign: the same text from three people, typed with different case and spacing.
    campaign.push(await submit({ consultationDraft: draft }, 'Đề nghị GIỮ NGUYÊN mức hỗ trợ như dự thảo lần 1.'));
    campaign.push(await submit({ consultationDraft: draft }, 'đề nghị giữ nguyên   mức hỗ trợ như dự thảo lần 1.'));
    campaign.push(await submit({ consultationDraft: draft }, ' Đề nghị giữ nguyên mức hỗ trợ\nnhư dự thảo lần 1. '));
    lone = await submit({ consultationDraft: draft }, 'Đề nghị giữ nguyên mức hỗ trợ như dự thảo lần 2.');
  });

  it('gives the whole group the disposition set on one member, and says how many', async () => {
    const response = await admin.put(disposition(campaign[1])).send({ disposition: 'partially-accepted', explanation: 'Giữ mức hỗ trợ, điều chỉnh đối tượng.', provision: 'Điều 4' });
    expect(response.status).toBe(200);
    expect(response.body.data.groupSize).toBe(3);
    expect([...response.body.data.applied].sort()).toEqual([...campaign].sort());
    for (const id of campaign) {
      expect(await stored(id)).toMatchObject({ disposition: 'partially-accepted', explanation: 'Giữ mức hỗ trợ, điều chỉnh đối tượng.', provision: 'Điều 4' });
    }
    expect((await stored(lone)).disposition).toBeNull();
  });

  it('shows the group and its size in the draft summary, without content or personal data', async () => {
    const response = await reader.get(dispositions(draft));
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({
      consultationStatus: 'open',
      total: 4,
      withoutDisposition: 1,
      byDisposition: { accepted: 0, 'partially-accepted': 3, 'not-accepted': 0, noted: 0 },
      groups: [{ key: expect.stringMatching(/^[0-9a-f]{16}$/), size: 3, disposition: 'partially-accepted', sampleDocumentId: campaign[0] }],
    });
    const text = JSON.stringify(response.body);
    expect(text).not.toContain('@example.vn');
    expect(text).not.toContain('giữ nguyên');
  });

  it('reports a group whose members were changed one by one elsewhere as mixed', async () => {
    const response = await admin.put(`${CM}/${campaign[2]}`).send({ disposition: 'accepted' });
    expect(response.status).toBe(200);
    const summary = await admin.get(dispositions(draft));
    expect(summary.body.data.groups[0]).toMatchObject({ size: 3, disposition: 'mixed' });
  });
});

describe('bulk dispositions', () => {
  let draft: string;
  let otherDraft: string;
  const fb: string[] = [];
  let elsewhere: string;

  beforeAll(async () => {
    draft = await newDraft();
    otherDraft = await newDraft();
    for (const text of ['Đề nghị tăng thời gian lấy ý kiến.', 'Đề nghị tổ chức đối thoại tại xã.', 'Đề nghị dịch dự thảo sang tiếng Mông.', 'Tăng thời gian lấy ý kiến!!']) {
      fb.push(await submit({ consultationDraft: draft }, text));
    }
    fb.push(await submit({ consultationDraft: draft }, 'đề nghị tăng thời gian LẤY Ý KIẾN.'));
    elsewhere = await submit({ consultationDraft: otherDraft }, 'Đề nghị tăng thời gian lấy ý kiến.');
  });

  it('applies one disposition and explanation to every listed feedback and their duplicates', async () => {
    const response = await admin.put(dispositions(draft)).send({ feedbackDocumentIds: [fb[0], fb[1]], disposition: 'not-accepted', explanation: 'Thời hạn theo quy định của luật.' });
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ disposition: 'not-accepted', requested: 2, updated: 3, outsideScope: 0 });
    expect([...response.body.data.applied].sort()).toEqual([fb[0], fb[1], fb[4]].sort());
    for (const id of [fb[0], fb[1], fb[4]]) expect(await stored(id)).toMatchObject({ disposition: 'not-accepted', explanation: 'Thời hạn theo quy định của luật.' });
    // The same text on another draft is another consultation: not part of the group.
    expect((await stored(elsewhere)).disposition).toBeNull();
    expect((await stored(fb[3])).disposition).toBeNull();
  });

  it('changes nothing when one id is not feedback of the draft: 400 naming it', async () => {
    const response = await admin.put(dispositions(draft)).send({ feedbackDocumentIds: [fb[2], elsewhere, fb[3]], disposition: 'accepted' });
    expect(response.status).toBe(400);
    expect(namedField(response.body)).toBe('feedbackDocumentIds');
    expect(response.body.error.details.invalid).toEqual([elsewhere]);
    expect(response.body.error.message).toContain(elsewhere);
    expect((await stored(fb[2])).disposition).toBeNull();
    expect((await stored(fb[3])).disposition).toBeNull();
  });

  it('rolls back every write when one feedback fails its rules half-way', async () => {
    // A row the document service will refuse to update (an "assigned" feedback without an agency, written behind its back).
    await app.strapi.db.query(FEEDBACK_UID).update({ where: { documentId: fb[3] }, data: { moderationStatus: 'assigned' } });
    const response = await admin.put(dispositions(draft)).send({ feedbackDocumentIds: [fb[2], fb[3]], disposition: 'accepted' });
    expect(response.status).toBe(400);
    // fb[2] was written first (lower id), inside the transaction that the failure rolled back.
    expect((await stored(fb[2])).disposition).toBeNull();
    expect((await stored(fb[3])).disposition).toBeNull();
    await app.strapi.db.query(FEEDBACK_UID).update({ where: { documentId: fb[3] }, data: { moderationStatus: 'received' } });
    const retried = await admin.put(dispositions(draft)).send({ feedbackDocumentIds: [fb[2], fb[3]], disposition: 'accepted' });
    expect(retried.status).toBe(200);
    expect((await stored(fb[2])).disposition).toBe('accepted');
  });

  it('keeps the explanation rule, bounds the list, and answers 404 for an unknown draft', async () => {
    const unexplained = await admin.put(dispositions(draft)).send({ feedbackDocumentIds: [fb[2]], disposition: 'not-accepted' });
    expect(unexplained.status).toBe(400);
    expect(namedField(unexplained.body)).toBe('explanation');
    const tooMany = await admin.put(dispositions(draft)).send({ feedbackDocumentIds: Array.from({ length: 501 }, (_, i) => `id${i}`), disposition: 'accepted' });
    expect(tooMany.status).toBe(400);
    expect(namedField(tooMany.body)).toBe('feedbackDocumentIds');
    const empty = await admin.put(dispositions(draft)).send({ feedbackDocumentIds: [], disposition: 'accepted' });
    expect(empty.status).toBe(400);
    const unknown = await admin.put(dispositions('abcdefghijklmnopqrstuvwx')).send({ feedbackDocumentIds: [fb[2]], disposition: 'accepted' });
    expect(unknown.status).toBe(404);
    expect((await stored(fb[2])).disposition).toBe('accepted');
  });
});

describe('agency scope', () => {
  let draft: string;
  let ownA: string;
  let ofB: string;
  let twinA: string;
  let twinB: string;

  beforeAll(async () => {
    draft = await newDraft();
    ownA = await submit({ consultationDraft: draft }, 'Đề nghị đơn vị A xem xét mức phí.', agencyA);
    ofB = await submit({ consultationDraft: draft }, 'Đề nghị đơn vị B xem xét thủ tục.', agencyB);
    twinA = await submit({ consultationDraft: draft }, 'Ý kiến giống nhau gửi tới hai đơn vị.', agencyA);
    twinB = await submit({ consultationDraft: draft }, 'Ý kiến giống nhau gửi tới hai đơn vị.', agencyB);
  });

  it("refuses another agency's feedback with a 403 saying why, changing nothing", async () => {
    const response = await editorA.put(disposition(ofB)).send({ disposition: 'accepted' });
    expect(response.status).toBe(403);
    expect(response.body.error.message).toMatch(/outside what your role may read/);
    expect((await stored(ofB)).disposition).toBeNull();
  });

  it('refuses a bulk request naming the ids outside the scope, changing nothing', async () => {
    const response = await editorA.put(dispositions(draft)).send({ feedbackDocumentIds: [ownA, ofB], disposition: 'noted' });
    expect(response.status).toBe(403);
    expect(response.body.error.details.outsideScope).toEqual([ofB]);
    expect(response.body.error.message).toContain(ofB);
    expect((await stored(ownA)).disposition).toBeNull();
  });

  it("sets its own feedback, and only its own members of a group shared with another agency", async () => {
    expect((await editorA.put(disposition(ownA)).send({ disposition: 'accepted' })).status).toBe(200);
    const shared = await editorA.put(disposition(twinA)).send({ disposition: 'noted' });
    expect(shared.status).toBe(200);
    expect(shared.body.data).toMatchObject({ groupSize: 1, applied: [twinA], outsideScope: 1 });
    expect((await stored(twinB)).disposition).toBeNull();
  });

  it('counts only what the caller may read in the summary', async () => {
    const own = await editorA.get(dispositions(draft));
    expect(own.status).toBe(200);
    expect(own.body.data).toMatchObject({ total: 2, withoutDisposition: 0, byDisposition: { accepted: 1, noted: 1 }, groups: [] });
    const all = await admin.get(dispositions(draft));
    expect(all.body.data).toMatchObject({ total: 4, withoutDisposition: 2, groups: [{ size: 2, disposition: 'mixed' }] });
  });
});

describe('the summary of a closed consultation', () => {
  it('shows how many feedback still have no disposition once the window is over, spam left out', async () => {
    const draft = await newDraft();
    const decided = await submit({ consultationDraft: draft }, 'Đề nghị bổ sung điều khoản chuyển tiếp.');
    await submit({ consultationDraft: draft }, 'Đề nghị làm rõ khái niệm hộ cận nghèo.');
    await submit({ consultationDraft: draft }, 'Đề nghị quy định thời hạn giải quyết hồ sơ.');
    const spam = await app.http().post('/api/feedbacks').send(intakeBody({ consultationDraft: draft }, { email: 'bot@example.vn', website: 'http://spam.example' }));
    expect(spam.status).toBe(201);
    expect((await admin.put(disposition(decided)).send({ disposition: 'accepted', provision: 'Điều 12' })).status).toBe(200);
    // The window closes (written behind the rules: a draft closes by the passing of time).
    await app.strapi.db.query(DRAFT).updateMany({ where: { documentId: draft }, data: { opensAt: new Date(Date.now() - 30 * DAY), closesAt: new Date(Date.now() - DAY) } });

    const response = await admin.get(dispositions(draft));
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({
      consultationStatus: 'closed',
      total: 3,
      withoutDisposition: 2,
      byDisposition: { accepted: 1, 'partially-accepted': 0, 'not-accepted': 0, noted: 0 },
      groups: [],
    });
    expect((await admin.get(dispositions('abcdefghijklmnopqrstuvwx'))).status).toBe(404);
  });
});

describe('the list the bulk disposition screen picks from', () => {
  const items = (draft: string, query = '') => `/public-participation/consultation-drafts/${draft}/feedbacks${query}`;
  let draft: string;
  let first: string;
  let twin: string;

  beforeAll(async () => {
    draft = await newDraft();
    first = await submit({ consultationDraft: draft }, 'Đề nghị giảm học phí cho vùng cao.', agencyA);
    await submit({ consultationDraft: draft }, 'Đề nghị bổ sung phụ cấp cho giáo viên cắm bản.', agencyB);
    twin = await submit({ consultationDraft: draft }, '  đề nghị GIẢM học phí cho vùng cao. ', agencyA);
    const spam = await app.http().post('/api/feedbacks').send(intakeBody({ consultationDraft: draft }, { email: 'bot2@example.vn', website: 'http://spam.example' }));
    expect(spam.status).toBe(201);
  });

  it('lists the draft’s feedback once per group of duplicates, with the size, and no personal data', async () => {
    const response = await admin.get(items(draft));
    expect(response.status).toBe(200);
    expect(response.body.meta.pagination).toEqual({ page: 1, pageSize: 25, pageCount: 1, total: 2 });
    expect(response.body.data).toEqual([
      expect.objectContaining({ documentId: first, size: 2, excerpt: 'Đề nghị giảm học phí cho vùng cao.', category: 'recommendation', submitterType: 'citizen', disposition: null }),
      expect.objectContaining({ size: 1, excerpt: 'Đề nghị bổ sung phụ cấp cho giáo viên cắm bản.', disposition: null }),
    ]);
    const text = JSON.stringify(response.body);
    for (const personal of ['Nguyễn Thị Hoa', '@example.vn', '0912345678', 'fullName', 'email', 'phone', 'organizationName']) {
      expect(text).not.toContain(personal);
    }
  });

  it('shows what a bulk disposition applied, to the whole group', async () => {
    const applied = await admin.put(dispositions(draft)).send({ feedbackDocumentIds: [first], disposition: 'not-accepted', explanation: 'Đã có chính sách riêng.', provision: 'Điều 4' });
    expect(applied.status).toBe(200);
    expect(applied.body.data.applied).toEqual([first, twin]);
    const response = await admin.get(items(draft));
    expect(response.body.data[0]).toMatchObject({ documentId: first, size: 2, disposition: 'not-accepted', explanation: 'Đã có chính sách riêng.', provision: 'Điều 4' });
  });

  it('pages the lines', async () => {
    const second = await admin.get(items(draft, '?page=2&pageSize=1'));
    expect(second.status).toBe(200);
    expect(second.body.data).toHaveLength(1);
    expect(second.body.data[0].excerpt).toBe('Đề nghị bổ sung phụ cấp cho giáo viên cắm bản.');
    expect(second.body.meta.pagination).toEqual({ page: 2, pageSize: 1, pageCount: 2, total: 2 });
    expect((await admin.get(items(draft, '?pageSize=101'))).status).toBe(400);
    expect((await admin.get(items(draft, '?sort=content'))).status).toBe(400);
  });

  it('lists only what the caller may read, and answers 404 for an unknown draft', async () => {
    const own = await editorA.get(items(draft));
    expect(own.status).toBe(200);
    expect(own.body.data).toEqual([expect.objectContaining({ documentId: first, size: 2 })]);
    expect((await admin.get(items('abcdefghijklmnopqrstuvwx'))).status).toBe(404);
  });
});
