import JSZip from 'jszip';
import type request from 'supertest';
import { asAdmin, createAdminUser, loginAdmin, SUPER_ADMIN, SUPER_ADMIN_ENV } from '../helpers/admin';
import { createAgency, createMember, SCOPED_ENV } from '../helpers/agencies';
import { consultationDraftData, createDocument, policyData, publishTrusted } from '../helpers/content';
import { pdfBytes } from '../helpers/upload-samples';
import { FEEDBACK_UID, intakeBody, storedFeedback, UNLIMITED_RATE_ENV } from '../helpers/feedback';
import { startTestApp, type TestApp } from '../helpers/strapi';

/**
 * The report on how a draft's feedback was taken in (báo cáo tổng hợp, tiếp thu, giải trình), as
 * a Word document and as CSV: opened back and read, counts, rows, duplicates grouped, spam left
 * out, no citizen's name, e-mail or phone, and the agency scope.
 */

const POLICY = 'api::policy.policy';
const DRAFT = 'api::consultation-draft.consultation-draft';
const EDITOR_ROLE = 'approval-workflow-editor';
const PLACE = 'Sa Pa';

type Client = ReturnType<typeof asAdmin>;
let app: TestApp;
let admin: Client;
let editorA: Client;
let editorB: Client;
let reader: Client;
let agencyA: string;
let draft: string;
let emptyDraft: string;
let sequence = 0;

/** Personal data planted in the feedback: none of it may appear in a report. */
const CITIZENS = [
  { fullName: 'Hoàng Thị Bí Mật', email: 'bimat.hoang@example.vn', phone: '0987654321' },
  { fullName: 'Lý Văn Riêng Tư', email: 'riengtu.ly@example.vn', phone: '0911222333' },
  { fullName: 'Vàng A Kín', email: 'kin.vang@example.vn', phone: '0977000111' },
  { fullName: 'Đỗ Thu Ẩn Danh', email: 'andanh.do@example.vn', phone: '0933444555' },
];
const PERSONAL = CITIZENS.flatMap((citizen) => [citizen.fullName, citizen.email, citizen.phone]);
const CAMPAIGN = 'Đề nghị giữ nguyên mức hỗ trợ tiền ăn trưa cho học sinh bán trú vùng cao.';
const FORMULA = '=HYPERLINK("http://evil.example/x","bấm vào đây")';
const QUOTED = 'Khoản 3 ghi "hộ nghèo, cận nghèo" nhưng chưa rõ; đề nghị làm rõ.';
const LONG = `${'Thủ tục hồ sơ còn nhiều bước trùng lặp, cần rút gọn '.repeat(14)}ĐOẠN CUỐI KHÔNG HIỆN`;
const SPAM = 'Mua thuốc giảm cân giá rẻ tại đây, liên hệ ngay!';

/** Reads a binary response body whatever its content type. */
const binary = (test: request.Test) =>
  test.buffer(true).parse((res, callback) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => callback(null, Buffer.concat(chunks)));
  });

const report = (id: string, extension: 'docx' | 'csv') => `/public-participation/consultation-drafts/${id}/report.${extension}`;

/** Creates a feedback on `draft` through the public intake, with the given submitter and content. */
const submit = async (target: string, overrides: Record<string, unknown>) => {
  sequence += 1;
  const citizen = CITIZENS[sequence % CITIZENS.length];
  const response = await app.http().post('/api/feedbacks').send(intakeBody({ consultationDraft: target }, { ...citizen, email: `${sequence}.${citizen.email}`, ...overrides }));
  expect(response.status).toBe(201);
  return (await storedFeedback(app.strapi, { trackingCode: response.body.data.trackingCode }))[0].documentId;
};

const update = (documentId: string, data: Record<string, unknown>) => app.strapi.documents(FEEDBACK_UID).update({ documentId, data } as never);

/** The text of a Word document's body, and of each table row as its cells' texts. */
const readDocx = async (buffer: Buffer) => {
  const zip = await JSZip.loadAsync(buffer);
  // A line break inside a cell reads back as "\n".
  const xml = (await zip.file('word/document.xml')!.async('string')).replace(/<w:br\/>/g, '<w:t>\n</w:t>');
  const textOf = (fragment: string) =>
    [...fragment.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
      .map((match) => match[1])
      .join('')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&apos;/g, "'");
  const rows = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) => [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cellMatch) => textOf(cellMatch[0])));
  return { xml, text: textOf(xml), rows, files: Object.keys(zip.files) };
};

beforeAll(async () => {
  app = await startTestApp('consultation-report', { ...SUPER_ADMIN_ENV, ...SCOPED_ENV, ...UNLIMITED_RATE_ENV, REPORT_PLACE: PLACE });
  const { strapi } = app;
  const superToken = await loginAdmin(strapi, SUPER_ADMIN.email, SUPER_ADMIN.password);
  admin = asAdmin(strapi, superToken);
  agencyA = await createAgency(strapi, 'REP-A');
  const agencyB = await createAgency(strapi, 'REP-B');
  editorA = asAdmin(strapi, (await createMember(strapi, superToken, { email: 'editor.a@report.test.gov.vn', roleCodes: [EDITOR_ROLE], agencies: [agencyA] })).token);
  editorB = asAdmin(strapi, (await createMember(strapi, superToken, { email: 'editor.b@report.test.gov.vn', roleCodes: [EDITOR_ROLE], agencies: [agencyB] })).token);
  const readerRole = await strapi.service('admin::role').create({ name: 'Chỉ xem góp ý (báo cáo)', description: 'read only' });
  await strapi.service('admin::role').assignPermissions(readerRole.id, [
    { action: 'plugin::public-participation.read', subject: null, properties: {}, conditions: [] },
    { action: 'plugin::content-manager.explorer.read', subject: FEEDBACK_UID, properties: { fields: ['content', 'disposition'] }, conditions: [] },
  ]);
  reader = asAdmin(strapi, (await createAdminUser(strapi, { email: 'reader@report.test.gov.vn', roleCodes: [readerRole.code] })).token);

  const policy = (await createDocument(strapi, POLICY, policyData({ leadAgency: agencyA }), { publish: true })).documentId;
  draft = (await createDocument(strapi, DRAFT, consultationDraftData(policy, { title: 'Nghị quyết hỗ trợ học sinh bán trú' }), { publish: true })).documentId;
  emptyDraft = (await createDocument(strapi, DRAFT, consultationDraftData(policy), { publish: true })).documentId;

  // Three citizens and a business send the same campaign text: one row of four, the business named.
  const campaign = [
    await submit(draft, { content: CAMPAIGN }),
    await submit(draft, { content: CAMPAIGN }),
    await submit(draft, { content: `  ${CAMPAIGN.toUpperCase()} ` }),
    await submit(draft, { content: CAMPAIGN, submitterType: 'business', organizationName: 'Công ty TNHH Nông sản Bắc Hà' }),
  ];
  for (const id of campaign) await update(id, { disposition: 'accepted', provision: 'Điều 4, khoản 1' });
  const formula = await submit(draft, { content: FORMULA, category: 'question' });
  await update(formula, { disposition: 'not-accepted', explanation: '-1 ý kiến không thuộc phạm vi\nđiều chỉnh của dự thảo.' });
  const quoted = await submit(draft, { content: QUOTED, submitterType: 'organization', organizationName: 'Hội Nông dân tỉnh', category: 'comment' });
  await update(quoted, { disposition: 'partially-accepted', provision: '+Điều 2', explanation: 'Đã bổ sung định nghĩa "cận nghèo".' });
  await submit(draft, { content: LONG, category: 'difficulty' });
  const spam = await submit(draft, { content: SPAM });
  await update(spam, { moderationStatus: 'rejected', rejectionReason: 'spam' });
});

afterAll(async () => {
  await app?.stop();
});

describe('the report as a Word document', () => {
  let response: request.Response;
  let docx: Awaited<ReturnType<typeof readDocx>>;

  beforeAll(async () => {
    response = await binary(admin.get(report(draft, 'docx')));
    docx = await readDocx(response.body as Buffer);
  });

  it('is a .docx attachment with a safe filename, not cached', () => {
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="bao-cao-tiep-thu-giai-trinh-${draft}.docx"`);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(docx.files).toEqual(expect.arrayContaining(['word/document.xml', '[Content_Types].xml']));
  });

  it('is laid out as an administrative document: motto, issuing agency, place and date, title, Times New Roman', () => {
    expect(docx.text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(docx.text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(docx.text).toContain('ĐƠN VỊ REP-A');
    expect(docx.text).toMatch(new RegExp(`${PLACE}, ngày \\d{2} tháng (0[12]|[3-9]|1[0-2]) năm \\d{4}`));
    expect(docx.text).toContain('BÁO CÁO');
    expect(docx.text).toContain('Tổng hợp, tiếp thu, giải trình ý kiến góp ý');
    expect(docx.text).toContain('đối với dự thảo Nghị quyết hỗ trợ học sinh bán trú');
    expect(docx.xml).toContain('w:ascii="Times New Roman"');
  });

  it('counts what was received by category, submitter type and disposition, spam left out', () => {
    expect(docx.text).toContain('Tổng số ý kiến góp ý nhận được: 7.');
    expect(docx.text).toContain('Theo loại ý kiến: Góp ý: 1; Kiến nghị: 4; Khó khăn, vướng mắc: 1; Câu hỏi: 1.');
    expect(docx.text).toContain('Theo đối tượng góp ý: Người dân: 5; Doanh nghiệp: 1; Tổ chức: 1.');
    expect(docx.text).toContain('Theo kết quả tiếp thu, giải trình: Tiếp thu: 4; Tiếp thu một phần: 1; Không tiếp thu: 1; Chưa xử lý: 1.');
  });

  it('has one table row per comment, duplicates grouped with their count, in Vietnamese', () => {
    const table = docx.rows.filter((row) => row.length === 6);
    expect(table[0]).toEqual(['Số TT', 'Cơ quan, tổ chức, cá nhân góp ý', 'Nội dung góp ý', 'Điều, khoản', 'Kết quả', 'Giải trình, tiếp thu']);
    expect(table.slice(1)).toEqual([
      ['1', 'Công ty TNHH Nông sản Bắc Hà; Ý kiến người dân (4 ý kiến)', CAMPAIGN, 'Điều 4, khoản 1', 'Tiếp thu', ''],
      ['2', 'Ý kiến người dân', FORMULA, '', 'Không tiếp thu', '-1 ý kiến không thuộc phạm vi\nđiều chỉnh của dự thảo.'],
      ['3', 'Hội Nông dân tỉnh', QUOTED, '+Điều 2', 'Tiếp thu một phần', 'Đã bổ sung định nghĩa "cận nghèo".'],
      ['4', 'Ý kiến người dân', expect.stringMatching(/^Thủ tục hồ sơ còn nhiều bước trùng lặp.*…$/), '', 'Chưa xử lý', ''],
    ]);
    expect(table[4][2].length).toBeLessThanOrEqual(401);
    expect(docx.text).not.toContain('ĐOẠN CUỐI KHÔNG HIỆN');
    expect(docx.text).not.toContain(SPAM);
  });

  it('names no citizen: no name, e-mail or phone anywhere in the file', async () => {
    const zip = await JSZip.loadAsync(response.body as Buffer);
    const everything = (await Promise.all(Object.values(zip.files).map((file) => file.async('string')))).join('\n');
    for (const value of PERSONAL) expect(everything).not.toContain(value);
    // The planted data is really stored, so the absence above means something.
    const stored = await storedFeedback(app.strapi, { consultationDraft: { documentId: draft } });
    expect(stored.map((row) => row.fullName)).toEqual(expect.arrayContaining(CITIZENS.map((citizen) => citizen.fullName)));
  });

  it('has a header row and no comment row for a draft without feedback', async () => {
    const empty = await readDocx((await binary(admin.get(report(emptyDraft, 'docx')))).body as Buffer);
    expect(empty.text).toContain('Tổng số ý kiến góp ý nhận được: 0.');
    expect(empty.rows.filter((row) => row.length === 6)).toHaveLength(1);
  });
});

describe('the report as CSV', () => {
  let response: request.Response;
  let bytes: Buffer;

  beforeAll(async () => {
    response = await binary(admin.get(report(draft, 'csv')));
    bytes = response.body as Buffer;
  });

  it('is a UTF-8 attachment starting with the byte order mark, then the header', () => {
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="bao-cao-tiep-thu-giai-trinh-${draft}.csv"`);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8').split('\r\n')[0]).toBe('Số TT,"Cơ quan, tổ chức, cá nhân góp ý",Nội dung góp ý,"Điều, khoản",Kết quả,"Giải trình, tiếp thu"');
  });

  it('quotes per RFC 4180 and neutralises cells a spreadsheet would run as formulas', () => {
    const csv = bytes.subarray(3).toString('utf8');
    expect(csv).toContain(`1,Công ty TNHH Nông sản Bắc Hà; Ý kiến người dân (4 ý kiến),${CAMPAIGN},"Điều 4, khoản 1",Tiếp thu,\r\n`);
    expect(csv).toContain(`2,Ý kiến người dân,"'=HYPERLINK(""http://evil.example/x"",""bấm vào đây"")",,Không tiếp thu,"'-1 ý kiến không thuộc phạm vi\nđiều chỉnh của dự thảo."\r\n`);
    expect(csv).toContain(`3,Hội Nông dân tỉnh,"Khoản 3 ghi ""hộ nghèo, cận nghèo"" nhưng chưa rõ; đề nghị làm rõ.",'+Điều 2,Tiếp thu một phần,"Đã bổ sung định nghĩa ""cận nghèo""."\r\n`);
    expect(csv).toMatch(/\r\n4,Ý kiến người dân,"Thủ tục hồ sơ[^\r\n"]*…",,Chưa xử lý,\r\n$/);
    expect(csv).not.toContain(SPAM);
  });

  it('names no citizen', () => {
    const csv = bytes.toString('utf8');
    for (const value of PERSONAL) expect(csv).not.toContain(value);
  });
});

describe('who may have the report', () => {
  it('gives it to an editor of the agency leading the policy, covering every comment on the draft (answered by any agency or none)', async () => {
    const response = await binary(editorA.get(report(draft, 'docx')));
    expect(response.status).toBe(200);
    expect((await JSZip.loadAsync(response.body as Buffer)).file('word/document.xml')).not.toBeNull();
    const own = await editorA.get(report(draft, 'csv'));
    const whole = await admin.get(report(draft, 'csv'));
    expect(own.status).toBe(200);
    expect(own.text.split('\r\n').length).toBeGreaterThan(4);
    expect(own.text).toBe(whole.text);
  });

  it('refuses (403, saying why) an editor of another agency, in both formats', async () => {
    for (const extension of ['docx', 'csv'] as const) {
      const response = await editorB.get(report(draft, extension));
      expect(response.status).toBe(403);
      expect(response.body.error.message).toContain('another agency');
    }
  });

  it('refuses (403) a role without the export permission', async () => {
    expect((await reader.get(report(draft, 'docx'))).status).toBe(403);
    expect((await reader.get(report(draft, 'csv'))).status).toBe(403);
  });

  it('refuses (401) without a token', async () => {
    expect((await app.http().get(report(draft, 'docx'))).status).toBe(401);
  });

  it('answers 400 for a malformed id and 404 for an unknown draft', async () => {
    for (const extension of ['docx', 'csv'] as const) {
      expect((await admin.get(report('not-an-id!', extension))).status).toBe(400);
      const unknown = await admin.get(report('abcdefghijklmnopqrstuvwx', extension));
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.message).toContain('Consultation draft not found');
    }
  });
});

describe('the publication of the outcome', () => {
  type Row = { publishedAt: string | null; outcomePublishedAt: string | null };
  const rows = async (documentId: string) =>
    (await app.strapi.db.query(DRAFT).findMany({ select: ['publishedAt', 'outcomePublishedAt'], where: { documentId } })) as Row[];
  // Through the document service, as the approval workflow's publish does once approved (fixtures skip the review).
  const publish = (documentId: string) => publishTrusted(app.strapi, DRAFT, documentId);
  let policy: string;
  let fileId: number;

  beforeAll(async () => {
    policy = (await createDocument(app.strapi, POLICY, policyData({ leadAgency: agencyA }), { publish: true })).documentId;
    const uploaded = await admin.post('/upload').attach('files', pdfBytes(), { filename: 'bao-cao-ket-qua.pdf', contentType: 'application/pdf' });
    expect(uploaded.status).toBe(201);
    fileId = uploaded.body[0].id;
  });

  it('is not recorded when the draft is published without an outcome report', async () => {
    const documentId = (await createDocument(app.strapi, DRAFT, consultationDraftData(policy), { publish: true })).documentId;
    await publish(documentId);
    const stored = await rows(documentId);
    expect(stored.some((row) => row.publishedAt)).toBe(true);
    expect(stored.map((row) => row.outcomePublishedAt)).toEqual(stored.map(() => null));
  });

  it('is recorded on every row the first time the draft is published with the report attached, and kept by later publishes', async () => {
    const documentId = (await createDocument(app.strapi, DRAFT, consultationDraftData(policy))).documentId;
    await app.strapi.documents(DRAFT as never).update({ documentId, locale: 'vi', data: { outcomeReport: fileId } } as never);
    expect((await rows(documentId)).map((row) => row.outcomePublishedAt)).toEqual([null]);
    const before = Date.now();
    await publish(documentId);
    const first = await rows(documentId);
    expect(first).toHaveLength(2);
    for (const row of first) {
      expect(row.outcomePublishedAt).not.toBeNull();
      expect(new Date(row.outcomePublishedAt as string).getTime()).toBeGreaterThanOrEqual(before - 1000);
    }
    await app.strapi.documents(DRAFT as never).update({ documentId, locale: 'vi', data: { summary: 'Đã cập nhật tóm tắt.' } } as never);
    await publish(documentId);
    const again = await rows(documentId);
    expect(again.map((row) => new Date(row.outcomePublishedAt as string).getTime())).toEqual(first.map((row) => new Date(row.outcomePublishedAt as string).getTime()));
  });

  it('is not recorded when the publish is refused (the approval workflow has not approved the draft)', async () => {
    const documentId = (await createDocument(app.strapi, DRAFT, consultationDraftData(policy))).documentId;
    await app.strapi.documents(DRAFT as never).update({ documentId, locale: 'vi', data: { outcomeReport: fileId } } as never);
    await expect(app.strapi.documents(DRAFT as never).publish({ documentId, locale: 'vi' } as never)).rejects.toThrow();
    expect(await rows(documentId)).toEqual([{ publishedAt: null, outcomePublishedAt: null }]);
  });

  it('cannot be written by a caller, through the content manager or the document service', async () => {
    const documentId = (await createDocument(app.strapi, DRAFT, consultationDraftData(policy))).documentId;
    const cm = await admin.put(`/content-manager/collection-types/${DRAFT}/${documentId}?locale=vi`).send({ outcomePublishedAt: '2020-01-01T00:00:00.000Z' });
    expect(cm.status).toBe(200);
    await app.strapi.documents(DRAFT as never).update({ documentId, locale: 'vi', data: { outcomePublishedAt: '2020-01-01T00:00:00.000Z' } } as never);
    expect((await rows(documentId)).map((row) => row.outcomePublishedAt)).toEqual([null]);
  });
});

describe('the public outcome of a consultation', () => {
  const outcome = (id: string) => `/api/consultation-drafts/${id}/outcome`;
  const PRIVATE_COMMENT = 'Ý kiến riêng không đồng ý công khai về mức hỗ trợ.';
  let withheld: string;

  beforeAll(async () => {
    withheld = await submit(draft, { content: PRIVATE_COMMENT, publicConsent: false, category: 'comment' });
    await update(withheld, { disposition: 'noted' });
  });

  it('is a 404 until the draft is published with its outcome report', async () => {
    const response = await app.http().get(outcome(draft));
    expect(response.status).toBe(404);
    expect(response.body.error.message).toContain('No published outcome');
  });

  it('answers 400 for a malformed id and 404 for an unknown draft', async () => {
    expect((await app.http().get(outcome('not-an-id!'))).status).toBe(400);
    expect((await app.http().get(outcome('abcdefghijklmnopqrstuvwx'))).status).toBe(404);
  });

  it('once published: counts, the report’s absolute URL, every comment’s disposition, content only with consent, no personal data', async () => {
    const uploaded = await admin.post('/upload').attach('files', pdfBytes(), { filename: 'bao-cao-ket-qua-lay-y-kien.pdf', contentType: 'application/pdf' });
    expect(uploaded.status).toBe(201);
    await app.strapi.documents(DRAFT as never).update({ documentId: draft, locale: 'vi', data: { outcomeReport: uploaded.body[0].id } } as never);
    await publishTrusted(app.strapi, DRAFT, draft);

    const response = await app.http().get(outcome(draft));
    expect(response.status).toBe(200);
    const { data } = response.body;
    expect(data.counts).toEqual({
      received: 8,
      byDisposition: { accepted: 4, 'partially-accepted': 1, 'not-accepted': 1, noted: 1, none: 1 },
      byCategory: { comment: 2, recommendation: 4, difficulty: 1, question: 1 },
    });
    expect(data.reportUrl).toMatch(/^https?:\/\/[^/]+\/uploads\/bao_cao_ket_qua_lay_y_kien_[A-Za-z0-9]+\.pdf$/);
    expect(Date.now() - new Date(data.publishedAt).getTime()).toBeLessThan(60_000);
    expect(data.items).toHaveLength(8);
    expect(data.items).toContainEqual({ provision: 'Điều 4, khoản 1', disposition: 'accepted', explanation: null, content: CAMPAIGN });
    expect(data.items).toContainEqual({ provision: '+Điều 2', disposition: 'partially-accepted', explanation: 'Đã bổ sung định nghĩa "cận nghèo".', content: QUOTED });
    // The comment without consent is there, decided, but without its words.
    expect(data.items).toContainEqual({ provision: null, disposition: 'noted', explanation: null });
    const text = JSON.stringify(response.body);
    expect(text).not.toContain(PRIVATE_COMMENT);
    expect(text).not.toContain(SPAM);
    for (const value of PERSONAL) expect(text).not.toContain(value);
    expect(text).not.toMatch(/fullName|email|phone|organizationName|trackingCode|zaloUserId/);
  });

  it('is served from the read cache, and a feedback change clears it', async () => {
    const first = await app.http().get(outcome(draft));
    const second = await app.http().get(outcome(draft));
    expect(second.status).toBe(200);
    expect(second.headers['x-read-cache']).toBe('hit');
    expect(second.body).toEqual(first.body);
    await update(withheld, { disposition: 'accepted', provision: 'Điều 9' });
    const after = await app.http().get(outcome(draft));
    expect(after.headers['x-read-cache']).toBe('miss');
    expect(after.body.data.counts.byDisposition).toMatchObject({ accepted: 5, noted: 0 });
    expect(after.body.data.items).toContainEqual({ provision: 'Điều 9', disposition: 'accepted', explanation: null });
  });
});
