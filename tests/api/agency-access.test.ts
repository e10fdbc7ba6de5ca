import { asAdmin, createAdminUser, loginAdmin, SUPER_ADMIN, SUPER_ADMIN_ENV } from '../helpers/admin';
import { AGENCY_UID, COORDINATOR_ROLE, createAgency, createMember, SCOPED_ENV, setMembers, type Member } from '../helpers/agencies';
import { ROLE_CODES } from '../helpers/approval-workflow';
import { consultationDraftData, createDocument, policyData } from '../helpers/content';
import { FEEDBACK_UID, intakeBody, storedFeedback, UNLIMITED_RATE_ENV } from '../helpers/feedback';
import { radioIdle } from '../helpers/radio';
import { restartTestApp, startTestApp, type TestApp } from '../helpers/strapi';

const POLICY = 'api::policy.policy';
const DRAFT = 'api::consultation-draft.consultation-draft';
const cm = (uid: string) => `/content-manager/collection-types/${uid}`;

let app: TestApp;
let superToken: string;
const agency: Record<'education' | 'finance', string> = { education: '', finance: '' };
const people: Record<'editorA' | 'editorB' | 'reviewerA' | 'nobody' | 'coordinator', Member> = {} as never;
const docs: Record<string, string> = {};

/** A feedback through the public intake, then (as the coordinator would) given a responding agency. */
const feedbackFor = async (target: Record<string, string>, content: string, respondingAgency?: string) => {
  const response = await app.http().post('/api/feedbacks').send(intakeBody(target, { content, phone: '0912345678' }));
  expect(response.status).toBe(201);
  const [row] = await storedFeedback(app.strapi, { trackingCode: response.body.data.trackingCode });
  if (respondingAgency) {
    await app.strapi.db.query(FEEDBACK_UID).update({ where: { id: row.id }, data: { respondingAgency: await agencyRowId(respondingAgency) } });
  }
  return row.documentId;
};

const agencyRowId = async (documentId: string) =>
  ((await app.strapi.db.query(AGENCY_UID).findOne({ where: { documentId, locale: 'vi' }, select: ['id'] })) as { id: number }).id;

const listIds = async (person: Member, uid: string, query = 'page=1&pageSize=100') => {
  const response = await asAdmin(app.strapi, person.token).get(`${cm(uid)}?${query}`);
  expect(response.status).toBe(200);
  return { ids: (response.body.results as Array<{ documentId: string }>).map((row) => row.documentId).sort(), total: response.body.pagination.total as number };
};

beforeAll(async () => {
  app = await startTestApp('agency-access', { ...SUPER_ADMIN_ENV, ...SCOPED_ENV, ...UNLIMITED_RATE_ENV });
  const { strapi } = app;
  superToken = await loginAdmin(strapi, SUPER_ADMIN.email, SUPER_ADMIN.password);
  agency.education = await createAgency(strapi, 'SO-GDDT');
  agency.finance = await createAgency(strapi, 'SO-TC');
  people.editorA = await createMember(strapi, superToken, { email: 'editor.gddt@laocai.gov.vn', roleCodes: [ROLE_CODES.editor], agencies: [agency.education] });
  people.reviewerA = await createMember(strapi, superToken, { email: 'reviewer.gddt@laocai.gov.vn', roleCodes: [ROLE_CODES.reviewer], agencies: [agency.education] });
  people.editorB = await createMember(strapi, superToken, { email: 'editor.tc@laocai.gov.vn', roleCodes: [ROLE_CODES.editor], agencies: [agency.finance] });
  people.nobody = await createAdminUser(strapi, { email: 'editor.none@laocai.gov.vn', roleCodes: [ROLE_CODES.editor] });
  people.coordinator = await createAdminUser(strapi, { email: 'dieuphoi@laocai.gov.vn', roleCodes: [COORDINATOR_ROLE] });

  docs.policyA = (await createDocument(strapi, POLICY, policyData({ leadAgency: agency.education }), { publish: true })).documentId;
  docs.policyB = (await createDocument(strapi, POLICY, policyData({ leadAgency: agency.finance }), { publish: true })).documentId;
  docs.draftA = (await createDocument(strapi, DRAFT, consultationDraftData(docs.policyA), { publish: true })).documentId;
  docs.draftB = (await createDocument(strapi, DRAFT, consultationDraftData(docs.policyB), { publish: true })).documentId;
  docs.feedbackA = await feedbackFor({ consultationDraft: docs.draftA }, 'Ý kiến về học sinh bán trú gửi Sở Giáo dục.', agency.education);
  docs.feedbackB = await feedbackFor({ consultationDraft: docs.draftB }, 'Ý kiến về đất đai gửi Sở Tài chính.', agency.finance);
  docs.unassigned = await feedbackFor({ policy: docs.policyA }, 'Ý kiến chưa có đơn vị trả lời.');
});

afterAll(async () => {
  await app.stop();
});

describe('the content manager shows each agency its own work', () => {
  it('lists and counts only the feedback of the editor’s agency', async () => {
    expect(await listIds(people.editorA, FEEDBACK_UID)).toEqual({ ids: [docs.feedbackA], total: 1 });
    expect(await listIds(people.editorB, FEEDBACK_UID)).toEqual({ ids: [docs.feedbackB], total: 1 });
  });

  it('refuses to open, edit or answer another agency’s feedback, and reveals none of it', async () => {
    const editorA = asAdmin(app.strapi, people.editorA.token);
    const read = await editorA.get(`${cm(FEEDBACK_UID)}/${docs.feedbackB}`);
    expect(read.status).toBe(403);
    expect(JSON.stringify(read.body)).not.toContain('0912345678');
    expect(JSON.stringify(read.body)).not.toContain('đất đai');
    const update = await editorA.put(`${cm(FEEDBACK_UID)}/${docs.feedbackB}`).send({ response: 'Trả lời thay đơn vị khác' });
    expect(update.status).toBe(403);
    const [stored] = await storedFeedback(app.strapi, { documentId: docs.feedbackB });
    expect(stored.response ?? null).toBeNull();
  });

  it('lets an editor open and answer their own agency’s feedback, contact details included', async () => {
    const editorA = asAdmin(app.strapi, people.editorA.token);
    const read = await editorA.get(`${cm(FEEDBACK_UID)}/${docs.feedbackA}`);
    expect(read.status).toBe(200);
    expect(read.body.data.phone).toBe('0912345678');
  });

  it('scopes policies by lead agency and consultation drafts through their policy', async () => {
    expect((await listIds(people.editorA, POLICY)).ids).toEqual([docs.policyA]);
    expect((await listIds(people.reviewerA, POLICY)).ids).toEqual([docs.policyA]);
    expect((await listIds(people.editorB, POLICY)).ids).toEqual([docs.policyB]);
    expect(await listIds(people.editorA, DRAFT)).toEqual({ ids: [docs.draftA], total: 1 });
    expect((await asAdmin(app.strapi, people.editorA.token).get(`${cm(DRAFT)}/${docs.draftB}?locale=vi`)).status).toBe(403);
    expect((await asAdmin(app.strapi, people.editorA.token).get(`${cm(POLICY)}/${docs.policyB}?locale=vi`)).status).toBe(403);
    const own = await asAdmin(app.strapi, people.editorA.token).get(`${cm(POLICY)}/${docs.policyA}?locale=vi`);
    expect(own.status).toBe(200);
  });

  it('shows nothing scoped to an editorial account that belongs to no agency', async () => {
    expect(await listIds(people.nobody, FEEDBACK_UID)).toEqual({ ids: [], total: 0 });
    expect(await listIds(people.nobody, POLICY)).toEqual({ ids: [], total: 0 });
  });

  it('gives the coordinator every agency’s feedback and the unassigned queue, and lets them assign', async () => {
    const all = await listIds(people.coordinator, FEEDBACK_UID);
    expect(all).toEqual({ ids: [docs.feedbackA, docs.feedbackB, docs.unassigned].sort(), total: 3 });
    const unassigned = await listIds(people.coordinator, FEEDBACK_UID, 'page=1&pageSize=100&filters[respondingAgency][id][$null]=true');
    expect(unassigned.ids).toEqual([docs.unassigned]);

    const assign = await asAdmin(app.strapi, people.coordinator.token)
      .put(`${cm(FEEDBACK_UID)}/${docs.unassigned}`)
      .send({ respondingAgency: { connect: [{ documentId: agency.education, locale: 'vi' }] } });
    expect(assign.status).toBe(200);
    expect(await listIds(people.editorA, FEEDBACK_UID)).toEqual({ ids: [docs.feedbackA, docs.unassigned].sort(), total: 2 });
    expect((await listIds(people.editorB, FEEDBACK_UID)).total).toBe(1);
  });

  it('follows membership changes on the next request', async () => {
    await setMembers(app.strapi, superToken, agency.finance, [people.editorB.id, people.editorA.id]);
    expect((await listIds(people.editorA, FEEDBACK_UID)).ids).toContain(docs.feedbackB);
    await setMembers(app.strapi, superToken, agency.finance, [people.editorB.id]);
    expect((await listIds(people.editorA, FEEDBACK_UID)).ids).not.toContain(docs.feedbackB);
  });
});

describe('the radio tools follow the same scope', () => {
  const RADIO = 'api::radio-script.radio-script';
  const script = (policy: string, title: string) =>
    createDocument(app.strapi, RADIO, { policy, title, language: 'vi', script: 'Kính thưa toàn thể nhân dân, đây là bản tin thử nghiệm.' });
  const scriptsOf = async (person: Member, policy: string) => {
    const response = await asAdmin(app.strapi, person.token).get(`/radio/policies/${policy}/scripts`);
    expect(response.status).toBe(200);
    return (response.body.data as Array<{ documentId: string }>).map((item) => item.documentId).sort();
  };

  it('lists a policy’s scripts only to its agency, and refuses another agency’s script', async () => {
    await radioIdle(app.strapi);
    const scriptA = (await script(docs.policyA, 'Bản tin giáo dục')).documentId;
    const scriptB = (await script(docs.policyB, 'Bản tin tài chính')).documentId;
    const allA = await scriptsOf(people.coordinator, docs.policyA);
    expect(allA).toContain(scriptA);
    expect(await scriptsOf(people.editorA, docs.policyA)).toEqual(allA);
    expect(await scriptsOf(people.editorA, docs.policyB)).toEqual([]);
    expect(await scriptsOf(people.coordinator, docs.policyB)).toContain(scriptB);
    const editorA = asAdmin(app.strapi, people.editorA.token);
    expect((await editorA.get(`/radio/scripts/${scriptA}/audio`)).status).toBe(200);
    expect((await editorA.get(`/radio/scripts/${scriptB}/audio`)).status).toBe(403);
    expect((await editorA.post(`/radio/scripts/${scriptB}/render-audio`).send({})).status).toBe(403);
  });
});

describe('membership is managed by super admins', () => {
  it('lists an agency’s members and every admin user to choose from', async () => {
    const response = await asAdmin(app.strapi, superToken).get(`/agency-access/agencies/${agency.education}/members`);
    expect(response.status).toBe(200);
    const memberEmails = (response.body.data.members as Array<{ email: string }>).map((member) => member.email).sort();
    expect(memberEmails).toEqual(['editor.gddt@laocai.gov.vn', 'reviewer.gddt@laocai.gov.vn']);
    expect((response.body.data.users as Array<{ email: string }>).map((user) => user.email)).toContain('editor.none@laocai.gov.vn');
    expect(JSON.stringify(response.body)).not.toMatch(/password/i);
  });

  it('refuses membership changes to anyone but a super admin, the coordinator included', async () => {
    for (const person of [people.editorA, people.coordinator]) {
      const put = await asAdmin(app.strapi, person.token).put(`/agency-access/agencies/${agency.finance}/members`).send({ userIds: [person.id] });
      expect(put.status).toBe(403);
      expect((await asAdmin(app.strapi, person.token).get(`/agency-access/agencies/${agency.finance}/members`)).status).toBe(403);
    }
    expect((await listIds(people.editorA, FEEDBACK_UID)).ids).not.toContain(docs.feedbackB);
  });

  it('answers bad input with a 400 naming the field and an unknown agency with 404', async () => {
    const admin = asAdmin(app.strapi, superToken);
    const unknownUser = await admin.put(`/agency-access/agencies/${agency.finance}/members`).send({ userIds: [999999] });
    expect(unknownUser.status).toBe(400);
    expect(unknownUser.body.error.message).toContain('999999');
    expect(JSON.stringify(unknownUser.body.error.details)).toContain('userIds');
    const notAList = await admin.put(`/agency-access/agencies/${agency.finance}/members`).send({ userIds: 'all' });
    expect(notAList.status).toBe(400);
    expect(JSON.stringify(notAList.body.error.details)).toContain('userIds');
    const extra = await admin.put(`/agency-access/agencies/${agency.finance}/members`).send({ userIds: [], role: 'x' });
    expect(extra.status).toBe(400);
    expect((await admin.put('/agency-access/agencies/nosuchagency0000000000000/members').send({ userIds: [] })).status).toBe(404);
    expect((await admin.get('/agency-access/agencies/NOT..valid/members')).status).toBe(400);
  });

  it('records every membership change in the audit trail, who and what', async () => {
    await setMembers(app.strapi, superToken, agency.finance, [people.editorB.id, people.nobody.id]);
    const response = await asAdmin(app.strapi, superToken).get('/audit-trail/entries?action=admin.user.agencies&pageSize=100');
    expect(response.status).toBe(200);
    const entries = response.body.data as Array<{ actor: { email: string }; subject: { id: string; label: string }; details: { added: number[]; removed: number[] } }>;
    const last = entries.find((entry) => entry.subject.id === agency.finance && entry.details.added.includes(people.nobody.id));
    expect(last).toBeDefined();
    expect(last?.actor.email).toBe(SUPER_ADMIN.email);
    expect(last?.subject.label).toBe('SO-TC');
  });

  it('tells each user their agencies', async () => {
    const mine = await asAdmin(app.strapi, people.editorA.token).get('/agency-access/me');
    expect(mine.status).toBe(200);
    expect(mine.body.data).toEqual({ agencies: [{ documentId: agency.education, code: 'SO-GDDT', name: 'Đơn vị SO-GDDT' }], unscoped: false });
    const coordinator = await asAdmin(app.strapi, people.coordinator.token).get('/agency-access/me');
    expect(coordinator.body.data.unscoped).toBe(true);
  });

  it('forgets a deleted admin user’s memberships', async () => {
    const temp = await createMember(app.strapi, superToken, { email: 'tam.thoi@laocai.gov.vn', roleCodes: [ROLE_CODES.editor], agencies: [agency.education] });
    expect(await app.strapi.db.query('plugin::agency-access.membership').count({ where: { userId: temp.id } })).toBe(1);
    const deleted = await asAdmin(app.strapi, superToken).delete(`/admin/users/${temp.id}`);
    expect(deleted.status).toBe(200);
    expect(await app.strapi.db.query('plugin::agency-access.membership').count({ where: { userId: temp.id } })).toBe(0);
  });
});

describe('the editorial roles are scoped once, and administrators keep the last word', () => {
  it('puts the condition on the editorial roles’ content permissions for the scoped types only', async () => {
    const role = (await app.strapi.db.query('admin::role').findOne({ where: { code: ROLE_CODES.editor }, populate: ['permissions'] })) as {
      permissions: Array<{ action: string; subject: string | null; conditions: string[] }>;
    };
    const conditioned = role.permissions.filter((permission) => permission.conditions.includes('plugin::agency-access.in-my-agency'));
    expect(new Set(conditioned.map((permission) => permission.subject))).toEqual(
      new Set([FEEDBACK_UID, POLICY, DRAFT, 'api::radio-script.radio-script']),
    );
    const agencyRead = role.permissions.find((permission) => permission.subject === AGENCY_UID);
    expect(agencyRead?.conditions).toEqual([]);
  });

  it('does not put back a condition an administrator removed, after a restart', async () => {
    const CONDITION = 'plugin::agency-access.in-my-agency';
    const permissionOf = async () =>
      (await app.strapi.db.query('admin::permission').findOne({
        where: { action: 'plugin::content-manager.explorer.read', subject: POLICY, role: { code: ROLE_CODES.reviewer } },
      })) as { id: number; conditions: string[] };
    const before = await permissionOf();
    expect(before.conditions).toContain(CONDITION);
    await app.strapi.db.query('admin::permission').update({ where: { id: before.id }, data: { conditions: [] } });
    app = await restartTestApp(app, { ...SUPER_ADMIN_ENV, ...SCOPED_ENV, ...UNLIMITED_RATE_ENV });
    expect((await permissionOf()).conditions).toEqual([]);
    people.reviewerA.token = await loginAdmin(app.strapi, people.reviewerA.email, 'User-Passw0rd!');
    expect((await listIds(people.reviewerA, POLICY)).ids).toEqual([docs.policyA, docs.policyB].sort());
  });
});
