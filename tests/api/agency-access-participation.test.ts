import { asAdmin, createAdminUser, loginAdmin, SUPER_ADMIN, SUPER_ADMIN_ENV } from '../helpers/admin';
import { COORDINATOR_ROLE, createAgency, createMember, SCOPED_ENV } from '../helpers/agencies';
import { consultationDraftData, createDocument, policyData } from '../helpers/content';
import { FEEDBACK_UID, intakeBody, storedFeedback, UNLIMITED_RATE_ENV } from '../helpers/feedback';
import { startTestApp, type TestApp } from '../helpers/strapi';

/**
 * Agency access on the public-participation screens: the overdue page and work queue, the counts,
 * the CSV export and the moderation routes show and touch only the feedback the caller may read —
 * an agency's editor its agency's feedback, the coordinator all of it (the unassigned included).
 */

const POLICY = 'api::policy.policy';
const DRAFT = 'api::consultation-draft.consultation-draft';
const EDITOR_ROLE = 'approval-workflow-editor';
const DAY = 86_400_000;

let app: TestApp;
type Client = ReturnType<typeof asAdmin>;
let editorA: Client;
let editorB: Client;
let coordinator: Client;
let agencyA: string;
let agencyB: string;
let draft: string;

/** Feedback by key: its documentId and tracking code. */
const fb: Record<string, { documentId: string; trackingCode: string }> = {};

/** Submits a feedback on the draft; assigns it to `agency` when given; due in `dueInDays`. */
const feedback = async (key: string, agency: string | null, dueInDays: number) => {
  const response = await app.http().post('/api/feedbacks').send(
    intakeBody({ consultationDraft: draft }, { email: `${key}@example.vn`, fullName: `Người gửi ${key}`, phone: '0912000111', content: `Góp ý ${key}.` }),
  );
  expect(response.status).toBe(201);
  const [row] = await storedFeedback(app.strapi, { trackingCode: response.body.data.trackingCode });
  if (agency) {
    await app.strapi.documents(FEEDBACK_UID).update({ documentId: row.documentId, data: { moderationStatus: 'assigned', respondingAgency: agency } } as never);
  }
  await app.strapi.db.query(FEEDBACK_UID).update({ where: { documentId: row.documentId }, data: { dueAt: new Date(Date.now() + dueInDays * DAY) } });
  fb[key] = { documentId: row.documentId, trackingCode: row.trackingCode };
};

const codes = (rows: Array<{ trackingCode: string }>) => rows.map((row) => row.trackingCode);
const codesOf = (...keys: string[]) => keys.map((key) => fb[key].trackingCode);

/** RFC 4180 records of a CSV text (quoted cells may hold commas, quotes and newlines). */
const parseCsv = (text: string): string[][] => {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
      i += 1;
    } else cell += char;
  }
  if (cell !== '' || record.length > 0) records.push([...record, cell]);
  return records;
};

const exportOf = async (client: Client) => {
  const response = await client.get(`/feedback-export/consultation-drafts/${draft}.csv`).buffer(true).parse((res, callback) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => callback(null, Buffer.concat(chunks)));
  });
  expect(response.status).toBe(200);
  const [header, ...rows] = parseCsv((response.body as Buffer).toString('utf8').replace(/^\uFEFF/, ''));
  return { header, rows, text: (response.body as Buffer).toString('utf8') };
};

beforeAll(async () => {
  app = await startTestApp('agency-access-participation', { ...SUPER_ADMIN_ENV, ...SCOPED_ENV, ...UNLIMITED_RATE_ENV });
  const { strapi } = app;
  const superToken = await loginAdmin(strapi, SUPER_ADMIN.email, SUPER_ADMIN.password);
  agencyA = await createAgency(strapi, 'PP-A');
  agencyB = await createAgency(strapi, 'PP-B');
  editorA = asAdmin(strapi, (await createMember(strapi, superToken, { email: 'editor.a@pp.test.gov.vn', roleCodes: [EDITOR_ROLE], agencies: [agencyA] })).token);
  editorB = asAdmin(strapi, (await createMember(strapi, superToken, { email: 'editor.b@pp.test.gov.vn', roleCodes: [EDITOR_ROLE], agencies: [agencyB] })).token);
  coordinator = asAdmin(strapi, (await createAdminUser(strapi, { email: 'coordinator@pp.test.gov.vn', roleCodes: [COORDINATOR_ROLE] })).token);

  const policy = (await createDocument(strapi, POLICY, policyData({ leadAgency: agencyA }), { publish: true })).documentId;
  draft = (await createDocument(strapi, DRAFT, consultationDraftData(policy), { publish: true })).documentId;

  // Overdue: A's (3 days), B's (4 days), the unassigned one (5 days); A's second one is not yet due.
  await feedback('a-late', agencyA, -3);
  await feedback('b-late', agencyB, -4);
  await feedback('unassigned-late', null, -5);
  await feedback('a-not-due', agencyA, 3);
});

afterAll(async () => {
  await app?.stop();
});

describe('the overdue page and the work queue', () => {
  it("show an agency's editor only their agency's overdue feedback, flagged as theirs", async () => {
    const response = await editorA.get('/public-participation/overdue');
    expect(response.status).toBe(200);
    expect(codes(response.body.data)).toEqual(codesOf('a-late'));
    expect(response.body.data[0]).toMatchObject({ documentId: fb['a-late'].documentId, mine: true, respondingAgency: { documentId: agencyA, code: 'PP-A' } });
    expect(response.body.meta).toEqual({ pagination: { page: 1, pageSize: 25, pageCount: 1, total: 1 }, myAgencies: [agencyA] });

    const other = await editorB.get('/public-participation/overdue');
    expect(codes(other.body.data)).toEqual(codesOf('b-late'));
    expect(other.body.meta.pagination.total).toBe(1);
  });

  it('count and page the open queue within the editor’s agency', async () => {
    const all = await editorA.get('/public-participation/open');
    expect(codes(all.body.data)).toEqual(codesOf('a-late', 'a-not-due'));
    expect(all.body.meta.pagination.total).toBe(2);
    const second = await editorA.get('/public-participation/open').query({ page: 2, pageSize: 1 });
    expect(second.status).toBe(200);
    expect(codes(second.body.data)).toEqual(codesOf('a-not-due'));
    expect(second.body.meta.pagination).toEqual({ page: 2, pageSize: 1, pageCount: 2, total: 2 });
  });

  it('show the coordinator every agency’s feedback and the unassigned one, longest overdue first', async () => {
    const overdue = await coordinator.get('/public-participation/overdue');
    expect(overdue.status).toBe(200);
    expect(codes(overdue.body.data)).toEqual(codesOf('unassigned-late', 'b-late', 'a-late'));
    expect(overdue.body.data[0]).toMatchObject({ respondingAgency: null, mine: false });
    expect(overdue.body.meta).toEqual({ pagination: { page: 1, pageSize: 25, pageCount: 1, total: 3 }, myAgencies: [] });
    const open = await coordinator.get('/public-participation/open');
    expect(open.body.meta.pagination.total).toBe(4);
  });

  it('refuses a bad page query with a 400 naming the field', async () => {
    const response = await editorA.get('/public-participation/open').query({ pageSize: 0 });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('pageSize');
  });
});

describe('the counts', () => {
  it("count per agency only the editor's agency, and every agency plus the unassigned for the coordinator", async () => {
    const mine = await editorA.get('/public-participation/agency-counts');
    expect(mine.status).toBe(200);
    expect(mine.body.data).toEqual([
      { agency: { documentId: agencyA, name: 'Đơn vị PP-A', code: 'PP-A' }, total: 2, open: 2, overdue: 1, answered: 0, rejected: 0 },
    ]);
    const all = await coordinator.get('/public-participation/agency-counts');
    const byCode = Object.fromEntries(all.body.data.map((row: { agency: { code: string } | null }) => [row.agency?.code ?? 'none', row]));
    expect(Object.keys(byCode).sort()).toEqual(['PP-A', 'PP-B', 'none']);
    expect(byCode['PP-A']).toMatchObject({ total: 2, overdue: 1 });
    expect(byCode['PP-B']).toMatchObject({ total: 1, overdue: 1 });
    expect(byCode.none).toMatchObject({ total: 1, overdue: 1 });
  });

  it("count a draft's feedback within the caller's scope", async () => {
    const mine = await editorA.get(`/public-participation/consultation-drafts/${draft}/counts`);
    expect(mine.status).toBe(200);
    expect(mine.body.data).toEqual({
      total: 2,
      byCategory: { comment: 0, recommendation: 2, difficulty: 0, question: 0 },
      byStatus: { received: 0, assigned: 2, answered: 0, rejected: 0, closed: 0 },
      overdue: 1,
    });
    const theirs = await editorB.get(`/public-participation/consultation-drafts/${draft}/counts`);
    expect(theirs.body.data).toMatchObject({ total: 1, overdue: 1 });
    const all = await coordinator.get(`/public-participation/consultation-drafts/${draft}/counts`);
    expect(all.body.data).toMatchObject({ total: 4, overdue: 3, byStatus: { received: 1, assigned: 3 } });
  });
});

describe('the CSV export', () => {
  it("exports to an agency's editor only their agency's rows, personal data included only for those rows", async () => {
    const { header, rows, text } = await exportOf(editorA);
    expect(header[0]).toBe('Mã tra cứu (tracking code)');
    expect(header).toContain('Email');
    expect(rows.map((row) => row[0])).toEqual(codesOf('a-late', 'a-not-due'));
    const email = header.indexOf('Email');
    expect(rows.map((row) => row[email])).toEqual(['a-late@example.vn', 'a-not-due@example.vn']);
    for (const other of ['b-late', 'unassigned-late']) {
      expect(text).not.toContain(`${other}@example.vn`);
      expect(text).not.toContain(`Người gửi ${other}`);
      expect(text).not.toContain(fb[other].trackingCode);
    }
  });

  it('exports every row to the coordinator', async () => {
    const { rows } = await exportOf(coordinator);
    expect(rows.map((row) => row[0])).toEqual(codesOf('a-late', 'b-late', 'unassigned-late', 'a-not-due'));
  });
});

describe('moderation of one feedback', () => {
  const summary = (key: string) => `/public-participation/feedbacks/${fb[key].documentId}/moderation`;
  const transition = (key: string) => `/public-participation/feedbacks/${fb[key].documentId}/transition`;

  it("refuses another agency's feedback and the unassigned one with a 403 saying why, changing nothing", async () => {
    for (const key of ['b-late', 'unassigned-late']) {
      const read = await editorA.get(summary(key));
      expect(read.status).toBe(403);
      expect(read.body.error.message).toMatch(/outside what your role may read/);
      const moved = await editorA.post(transition(key)).send({ moderationStatus: 'rejected', rejectionReason: 'duplicate' });
      expect(moved.status).toBe(403);
      expect(moved.body.error.message).toMatch(/outside what your role may read/);
    }
    const [b] = await storedFeedback(app.strapi, { documentId: fb['b-late'].documentId });
    const [unassigned] = await storedFeedback(app.strapi, { documentId: fb['unassigned-late'].documentId });
    expect(b.moderationStatus).toBe('assigned');
    expect(unassigned.moderationStatus).toBe('received');
  });

  it('still answers 404 for a feedback that does not exist and 400 for a bad body', async () => {
    expect((await editorA.get('/public-participation/feedbacks/abcdefghijklmnopqrstuvwx/moderation')).status).toBe(404);
    const bad = await editorA.post(transition('b-late')).send({ moderationStatus: 'lost' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('moderationStatus');
  });

  it("lets the editor read and answer their agency's feedback", async () => {
    expect((await editorA.get(summary('a-late'))).body.data).toMatchObject({ moderationStatus: 'assigned', respondingAgency: { documentId: agencyA } });
    const answered = await editorA.post(transition('a-late')).send({ moderationStatus: 'answered', response: 'Đơn vị A đã trả lời.' });
    expect(answered.status).toBe(200);
    expect(answered.body.data.moderationStatus).toBe('answered');
    const overdue = await editorA.get('/public-participation/overdue');
    expect(overdue.body.meta.pagination.total).toBe(0);
  });

  it('lets the coordinator assign the unassigned feedback, which then reaches that agency only', async () => {
    expect((await coordinator.get(summary('unassigned-late'))).status).toBe(200);
    const assigned = await coordinator.post(transition('unassigned-late')).send({ moderationStatus: 'assigned', respondingAgency: agencyB });
    expect(assigned.status).toBe(200);
    expect(assigned.body.data.respondingAgency).toEqual({ documentId: agencyB, name: 'Đơn vị PP-B' });
    const queueB = await editorB.get('/public-participation/overdue');
    expect(codes(queueB.body.data)).toEqual(codesOf('unassigned-late', 'b-late'));
    expect((await editorB.get(summary('unassigned-late'))).status).toBe(200);
    expect((await editorA.get(summary('unassigned-late'))).status).toBe(403);
  });
});
