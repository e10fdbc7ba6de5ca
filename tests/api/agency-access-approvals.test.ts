import { asAdmin, loginAdmin, SUPER_ADMIN, SUPER_ADMIN_ENV } from '../helpers/admin';
import { createAgency, createMember, SCOPED_ENV, type Member } from '../helpers/agencies';
import { createPolicyDraft, documentUrl, DRAFT, POLICY, ROLE_CODES, transition } from '../helpers/approval-workflow';
import { consultationDraftData, createDocument } from '../helpers/content';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { seedDemo, seedDemoReviews } from '../../src/seed';
import { seedDemoAgencyAccess } from '../../src/seed/demo-admins';

/**
 * The approval workflow under agency scoping: the editorial roles carry the "in my agency"
 * condition, so their inbox lists only their agencies' documents and every per-document endpoint
 * of the plugin answers 403 for another agency's document (as the content manager does), saying why.
 */

type Side = { agency: string; editor: Member; reviewer: Member; leader: Member };
type InboxItem = { uid: string; documentId: string; stage: string; awaiting: string };

let app: TestApp;
let superAdmin: Member;
let a: Side;
let b: Side;
/** A reviewer member of both agencies. */
let reviewerAB: Member;

const notFoundMessage = (uid: string, documentId: string) => `Document ${documentId} (locale vi) of ${uid} not found`;
const outsideMessage = (uid: string, documentId: string) =>
  `Document ${documentId} (locale vi) of ${uid} is outside what your role may read (e.g. another agency's)`;

const inbox = async (person: Member, query: string) => {
  const response = await asAdmin(app.strapi, person.token).get(`/approval-workflow/inbox?${query}`);
  expect(response.status).toBe(200);
  return {
    ids: (response.body.data as InboxItem[]).map((item) => item.documentId),
    items: response.body.data as InboxItem[],
    pagination: response.body.meta.pagination as { page: number; pageSize: number; total: number; pageCount: number },
  };
};

const status = (person: Member, uid: string, documentId: string) =>
  asAdmin(app.strapi, person.token).get(`${documentUrl(uid, documentId)}?locale=vi`);

const stageOf = async (uid: string, documentId: string) => {
  const response = await status(superAdmin, uid, documentId);
  expect(response.status).toBe(200);
  return response.body.data.stage as string;
};

const expectOk = async (pending: ReturnType<typeof transition>) => {
  const response = await pending;
  if (response.status !== 200) throw new Error(`expected 200, got ${response.status} ${JSON.stringify(response.body)}`);
  return response;
};

const side = async (code: string): Promise<Side> => {
  const agency = await createAgency(app.strapi, code);
  const member = (role: keyof typeof ROLE_CODES) =>
    createMember(app.strapi, superAdmin.token, { email: `${role}-${code.toLowerCase()}@test.gov.vn`, roleCodes: [ROLE_CODES[role]], agencies: [agency] });
  return { agency, editor: await member('editor'), reviewer: await member('reviewer'), leader: await member('leader') };
};

beforeAll(async () => {
  app = await startTestApp('aa_approvals', { ...SUPER_ADMIN_ENV, ...SCOPED_ENV });
  const user = (await app.strapi.db.query('admin::user').findOne({ where: { email: SUPER_ADMIN.email } })) as { id: number };
  superAdmin = { id: user.id, email: SUPER_ADMIN.email, token: await loginAdmin(app.strapi, SUPER_ADMIN.email, SUPER_ADMIN.password) };
  a = await side('AA');
  b = await side('BB');
  reviewerAB = await createMember(app.strapi, superAdmin.token, {
    email: 'reviewer-ab@test.gov.vn',
    roleCodes: [ROLE_CODES.reviewer],
    agencies: [a.agency, b.agency],
  });
});

afterAll(async () => {
  await app?.stop();
});

describe('a policy under review, with agencies A and B', () => {
  let policyA: string;
  let policyB: string;

  beforeAll(async () => {
    policyA = await createPolicyDraft(app.strapi, { leadAgency: a.agency });
    policyB = await createPolicyDraft(app.strapi, { leadAgency: b.agency });
    await expectOk(transition(app.strapi, a.editor, POLICY, policyA, { action: 'submit' }));
    await expectOk(transition(app.strapi, b.editor, POLICY, policyB, { action: 'submit' }));
  });

  it("lists in reviewer A's inbox A's submitted policy only, totals counted after filtering", async () => {
    const all = await inbox(a.reviewer, 'stage=in-review');
    expect(all.ids).toEqual([policyA]);
    expect(all.pagination).toEqual({ page: 1, pageSize: 25, total: 1, pageCount: 1 });
    const paged = await inbox(a.reviewer, 'stage=in-review&pageSize=1');
    expect(paged.ids).toEqual([policyA]);
    expect(paged.pagination).toEqual({ page: 1, pageSize: 1, total: 1, pageCount: 1 });
    expect((await inbox(a.reviewer, 'stage=in-review&pageSize=1&page=2')).ids).toEqual([]);
  });

  it("asks for review by e-mail only the reviewers of the policy's agency (one message per reviewer, written with the submission)", async () => {
    // No SMTP here: the messages are recorded as skipped; the dedupe key ends with the recipient's admin id.
    const recipientsOf = async (documentId: string) =>
      (
        (await app.strapi.db.query('plugin::notifications.notification').findMany({
          where: { subjectDocumentId: documentId, topic: 'approval.review-requested' },
        })) as Array<{ dedupeKey: string }>
      )
        .map((row) => Number(row.dedupeKey.split(':').at(-1)))
        .sort((x, y) => x - y);
    expect(await recipientsOf(policyA)).toEqual([a.reviewer.id, reviewerAB.id].sort((x, y) => x - y));
    expect(await recipientsOf(policyB)).toEqual([b.reviewer.id, reviewerAB.id].sort((x, y) => x - y));
  });

  it("lists in reviewer B's inbox B's submitted policy only", async () => {
    const all = await inbox(b.reviewer, 'stage=in-review');
    expect(all.ids).toEqual([policyB]);
    expect(all.pagination.total).toBe(1);
  });

  it('lists both for a reviewer member of both agencies, paginated over the two', async () => {
    const all = await inbox(reviewerAB, 'stage=in-review');
    expect(all.ids).toEqual([policyA, policyB]);
    expect(all.pagination.total).toBe(2);
    const first = await inbox(reviewerAB, 'stage=in-review&pageSize=1&page=1');
    const second = await inbox(reviewerAB, 'stage=in-review&pageSize=1&page=2');
    expect([...first.ids, ...second.ids]).toEqual([policyA, policyB]);
    expect(second.pagination).toEqual({ page: 2, pageSize: 1, total: 2, pageCount: 2 });
  });

  it("refuses reviewer A the state and history of B's policy (403, saying why) and reveals none of it", async () => {
    const response = await status(a.reviewer, POLICY, policyB);
    expect(response.status).toBe(403);
    expect(response.body.error.message).toBe(outsideMessage(POLICY, policyB));
    expect(response.body.data ?? null).toBeNull();
    // A document that does not exist is still a 404.
    const missing = await status(a.reviewer, POLICY, 'zzzzzzzzzzzzzzzzzzzzzzzz');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe(notFoundMessage(POLICY, 'zzzzzzzzzzzzzzzzzzzzzzzz'));
    const own = await status(a.reviewer, POLICY, policyA);
    expect(own.status).toBe(200);
    expect(own.body.data.history.map((entry: { action: string }) => entry.action)).toEqual(['submit']);
  });

  it("refuses reviewer A approving or requesting changes on B's policy (403), leaving it in review", async () => {
    for (const body of [{ action: 'approve' }, { action: 'request-changes', comment: 'Không thuộc đơn vị' }]) {
      const response = await transition(app.strapi, a.reviewer, POLICY, policyB, body);
      expect(response.status).toBe(403);
      expect(response.body.error.message).toBe(outsideMessage(POLICY, policyB));
    }
    expect(await stageOf(POLICY, policyB)).toBe('in-review');
    const history = await status(superAdmin, POLICY, policyB);
    expect(history.body.data.history.map((entry: { action: string }) => entry.action)).toEqual(['submit']);
  });

  it("refuses editor A withdrawing B's submission (403)", async () => {
    const response = await transition(app.strapi, a.editor, POLICY, policyB, { action: 'withdraw' });
    expect(response.status).toBe(403);
    expect(response.body.error.message).toBe(outsideMessage(POLICY, policyB));
  });

  it("lets reviewer B approve B's policy and read its history; then it waits for leader B, not leader A", async () => {
    const approved = await transition(app.strapi, b.reviewer, POLICY, policyB, { action: 'approve' });
    expect(approved.status).toBe(200);
    expect(approved.body.data.stage).toBe('in-review');
    expect(approved.body.data.nextStep).toMatchObject({ key: 'leader' });
    const history = await status(b.reviewer, POLICY, policyB);
    expect(history.status).toBe(200);
    expect(history.body.data.history.map((entry: { action: string }) => entry.action)).toEqual(['submit', 'approve']);
    expect((await inbox(b.leader, 'stage=in-review')).ids).toEqual([policyB]);
    expect((await inbox(a.leader, 'stage=in-review')).ids).toEqual([]);
    expect((await transition(app.strapi, a.leader, POLICY, policyB, { action: 'approve' })).status).toBe(403);
    expect(await stageOf(POLICY, policyB)).toBe('in-review');
  });

  it('lets the super admin read both, and shows both approved policies waiting for publication only to the right leaders', async () => {
    expect((await status(superAdmin, POLICY, policyA)).status).toBe(200);
    expect((await status(superAdmin, POLICY, policyB)).status).toBe(200);
    await expectOk(transition(app.strapi, a.reviewer, POLICY, policyA, { action: 'approve' }));
    await expectOk(transition(app.strapi, a.leader, POLICY, policyA, { action: 'approve' }));
    await expectOk(transition(app.strapi, b.leader, POLICY, policyB, { action: 'approve' }));
    const all = await inbox(superAdmin, 'stage=approved');
    expect(all.items.map((item) => [item.documentId, item.awaiting])).toEqual([
      [policyA, 'publication'],
      [policyB, 'publication'],
    ]);
    expect(all.pagination.total).toBe(2);
    expect((await inbox(a.leader, 'stage=approved')).ids).toEqual([policyA]);
    expect((await inbox(b.leader, 'stage=approved')).ids).toEqual([policyB]);
  });
});

describe('submissions sent back', () => {
  it("shows editor A only A's policy sent back, the super admin both", async () => {
    const policyA = await createPolicyDraft(app.strapi, { leadAgency: a.agency });
    const policyB = await createPolicyDraft(app.strapi, { leadAgency: b.agency });
    await expectOk(transition(app.strapi, a.editor, POLICY, policyA, { action: 'submit' }));
    await expectOk(transition(app.strapi, b.editor, POLICY, policyB, { action: 'submit' }));
    await expectOk(transition(app.strapi, a.reviewer, POLICY, policyA, { action: 'request-changes', comment: 'Bổ sung số liệu' }));
    await expectOk(transition(app.strapi, b.reviewer, POLICY, policyB, { action: 'request-changes', comment: 'Bổ sung căn cứ' }));
    const editorA = await inbox(a.editor, 'stage=changes-requested');
    expect(editorA.ids).toEqual([policyA]);
    expect(editorA.pagination.total).toBe(1);
    expect((await inbox(b.editor, 'stage=changes-requested')).ids).toEqual([policyB]);
    const all = await inbox(superAdmin, 'stage=changes-requested');
    expect(all.ids).toEqual([policyA, policyB]);
    expect(all.pagination.total).toBe(2);
    // Editor A cannot resubmit B's.
    expect((await transition(app.strapi, a.editor, POLICY, policyB, { action: 'submit' })).status).toBe(403);
    expect(await stageOf(POLICY, policyB)).toBe('changes-requested');
  });
});

describe('consultation drafts (scoped through their policy)', () => {
  it("refuses reviewer A a draft of B's policy, lets reviewer B approve it", async () => {
    const policyB = await createPolicyDraft(app.strapi, { leadAgency: b.agency });
    const { documentId: draft } = await createDocument(app.strapi, DRAFT, consultationDraftData(policyB));
    await expectOk(transition(app.strapi, b.editor, DRAFT, draft, { action: 'submit' }));
    expect((await inbox(a.reviewer, `contentType=${DRAFT}`)).ids).toEqual([]);
    expect((await inbox(b.reviewer, `contentType=${DRAFT}`)).ids).toEqual([draft]);
    const denied = await transition(app.strapi, a.reviewer, DRAFT, draft, { action: 'approve' });
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toBe(outsideMessage(DRAFT, draft));
    expect((await status(a.reviewer, DRAFT, draft)).status).toBe(403);
    const approved = await transition(app.strapi, b.reviewer, DRAFT, draft, { action: 'approve' });
    expect(approved.status).toBe(200);
    expect(approved.body.data.stage).toBe('approved');
  });
});

describe('the demo seed under scoping', () => {
  it('still stages its reviews as the demo accounts (members of the demo agencies)', async () => {
    await seedDemo(app.strapi);
    await app.strapi.plugin('approval-workflow').service('demo-users').ensureDemoUsers();
    await seedDemoAgencyAccess(app.strapi);
    expect(await seedDemoReviews(app.strapi)).toBe(2);
    const token = await loginAdmin(app.strapi, 'reviewer@laocai.gov.vn', 'Reviewer-Demo-2025');
    const response = await asAdmin(app.strapi, token).get('/approval-workflow/inbox?stage=in-review');
    expect(response.status).toBe(200);
    expect((response.body.data as Array<{ title: string }>).map((item) => item.title)).toEqual([
      'Đề xuất chính sách hỗ trợ giáo viên công tác ở vùng đặc biệt khó khăn',
    ]);
  });
});
