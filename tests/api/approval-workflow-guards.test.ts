import { asAdmin, SUPER_ADMIN_ENV } from '../helpers/admin';
import {
  approvePolicy,
  createPolicyDraft,
  createTeam,
  documentUrl,
  POLICY,
  stageOf,
  transition,
  type Team,
} from '../helpers/approval-workflow';
import { createFullAccessToken } from '../helpers/api-token';
import { startTestApp, type TestApp } from '../helpers/strapi';

let app: TestApp;
let team: Team;
let apiToken: string;

const cm = (documentId: string) => `/content-manager/collection-types/${POLICY}/${documentId}`;
type HistoryEntry = { action: string; from: string; to: string; comment: string | null; forced: boolean; actorKind: string; actor: { id: number } | null };

const history = async (documentId: string, locale = 'vi'): Promise<HistoryEntry[]> => {
  const response = await asAdmin(app.strapi, team.superAdmin.token).get(`${documentUrl(POLICY, documentId)}?locale=${locale}`);
  return response.body.data.history as HistoryEntry[];
};

const draftRow = async (documentId: string, locale = 'vi') =>
  (await app.strapi.db.query(POLICY as never).findOne({ where: { documentId, locale, publishedAt: null } })) as Record<string, unknown>;

const isPublished = async (documentId: string, locale = 'vi') =>
  (await app.strapi.db.query(POLICY as never).count({ where: { documentId, locale, publishedAt: { $notNull: true } } })) > 0;

const rest = () => ({
  post: (url: string) => app.http().post(url).set('Authorization', `Bearer ${apiToken}`),
  put: (url: string) => app.http().put(url).set('Authorization', `Bearer ${apiToken}`),
});

beforeAll(async () => {
  app = await startTestApp('aw_guards', SUPER_ADMIN_ENV);
  team = await createTeam(app.strapi);
  apiToken = await createFullAccessToken(app.strapi, 'approval-workflow tests');
});

afterAll(async () => {
  await app?.stop();
});

describe('an edit voids the approval, on every write path', () => {
  const expectVoided = async (documentId: string, from = 'approved') => {
    expect(await stageOf(app.strapi, team, POLICY, documentId)).toBe('draft');
    expect((await history(documentId)).at(-1)).toMatchObject({ action: 'void', from, to: 'draft', comment: 'approval voided by edit' });
  };

  it('through the document service', async () => {
    const documentId = await createPolicyDraft(app.strapi);
    await approvePolicy(app.strapi, team, documentId);
    await app.strapi.documents(POLICY as never).update({ documentId, locale: 'vi', data: { summary: 'Tóm tắt đã sửa' } } as never);
    await expectVoided(documentId);
    expect((await history(documentId)).at(-1)).toMatchObject({ actorKind: 'system', actor: null });
  });

  it('through the content-manager API (what the admin panel calls), naming the editor', async () => {
    const documentId = await createPolicyDraft(app.strapi);
    await approvePolicy(app.strapi, team, documentId);
    const response = await asAdmin(app.strapi, team.editor.token).put(`${cm(documentId)}?locale=vi`).send({ summary: 'Sửa trong trang quản trị' });
    expect(response.status).toBe(200);
    await expectVoided(documentId);
    expect((await history(documentId)).at(-1)).toMatchObject({ actorKind: 'admin', actor: { id: team.editor.id } });
  });

  it('through the REST API as a draft save', async () => {
    const documentId = await createPolicyDraft(app.strapi);
    await approvePolicy(app.strapi, team, documentId);
    const response = await rest().put(`/api/policies/${documentId}?status=draft&locale=vi`).send({ data: { title: 'Tiêu đề mới' } });
    expect(response.status).toBe(200);
    await expectVoided(documentId);
    expect((await history(documentId)).at(-1)).toMatchObject({ actorKind: 'api', actor: null });
  });

  it('also for a document still in review', async () => {
    const documentId = await createPolicyDraft(app.strapi);
    await transition(app.strapi, team.editor, POLICY, documentId, { action: 'submit' });
    await transition(app.strapi, team.reviewer, POLICY, documentId, { action: 'approve' });
    await app.strapi.documents(POLICY as never).update({ documentId, locale: 'vi', data: { title: 'Sửa khi đang duyệt' } } as never);
    await expectVoided(documentId, 'in-review');
    const approvals = await asAdmin(app.strapi, team.superAdmin.token).get(`${documentUrl(POLICY, documentId)}?locale=vi`);
    expect(approvals.body.data.approvals).toEqual([]);
  });

  it('when a field shared by all locales is edited in another locale', async () => {
    const documentId = await createPolicyDraft(app.strapi);
    await app.strapi.documents(POLICY as never).update({ documentId, locale: 'en', data: { title: 'Test policy', summary: 'English summary' } } as never);
    await approvePolicy(app.strapi, team, documentId);
    await app.strapi.documents(POLICY as never).update({ documentId, locale: 'en', data: { documentNumber: '99/2025/NQ-HĐND' } } as never);
    await expectVoided(documentId);
  });

  it('when a draft is discarded back to its published version', async () => {
    const { runTrusted } = app.strapi.plugin('approval-workflow').service('trust') as {
      runTrusted: <T>(reason: string, fn: () => Promise<T>) => Promise<T>;
    };
    const documentId = await createPolicyDraft(app.strapi, { title: 'Bản đã xuất bản' });
    await runTrusted('test fixture', () => app.strapi.documents(POLICY as never).publish({ documentId, locale: 'vi' } as never));
    await app.strapi.documents(POLICY as never).update({ documentId, locale: 'vi', data: { title: 'Bản sửa đổi' } } as never);
    await approvePolicy(app.strapi, team, documentId);
    const discard = await asAdmin(app.strapi, team.editor.token).post(`${cm(documentId)}/actions/discard?locale=vi`).send({});
    expect(discard.status).toBe(200);
    await expectVoided(documentId);
  });

  it('but not when the save changes nothing, nor for an edit of another locale’s own fields', async () => {
    const documentId = await createPolicyDraft(app.strapi);
    await app.strapi.documents(POLICY as never).update({ documentId, locale: 'en', data: { title: 'Same', summary: 'Same' } } as never);
    await approvePolicy(app.strapi, team, documentId);
    const row = await draftRow(documentId);
    await app.strapi.documents(POLICY as never).update({ documentId, locale: 'vi', data: { title: row.title, summary: row.summary } } as never);
    await app.strapi.documents(POLICY as never).update({ documentId, locale: 'en', data: { title: 'Changed English title' } } as never);
    expect(await stageOf(app.strapi, team, POLICY, documentId)).toBe('approved');
  });
});

describe('publishing is refused until approved, on every publish path', () => {
  const expectRefusal = (body: { error: { message: string; details: Record<string, unknown> } }, stage: string) => {
    expect(body.error.message).toContain('needs approval');
    expect(body.error.message).toContain(`"${stage}"`);
    expect(body.error.details).toMatchObject({ code: 'APPROVAL_REQUIRED', stage });
  };

  it('strapi.documents(uid).publish()', async () => {
    const documentId = await createPolicyDraft(app.strapi);
    await transition(app.strapi, team.editor, POLICY, documentId, { action: 'submit' });
    const error = (await app.strapi
      .documents(POLICY as never)
      .publish({ documentId, locale: 'vi' } as never)
      .then(() => null, (caught: unknown) => caught)) as { status: number; message: string; details: Record<string, unknown> } | null;
    expect(error).not.toBeNull();
    expect(error?.status).toBe(409);
    expectRefusal({ error: { message: error!.message, details: error!.details } }, 'in-review');
    expect(await isPublished(documentId)).toBe(false);
  });

  it('the content-manager publish action (the admin Publish button)', async () => {
    const documentId = await createPolicyDraft(app.strapi);
    const response = await asAdmin(app.strapi, team.leader.token).post(`${cm(documentId)}/actions/publish?locale=vi`).send({});
    expect(response.status).toBe(409);
    expectRefusal(response.body, 'draft');
    expect(await isPublished(documentId)).toBe(false);
  });

  it('content-manager bulk publish, all or nothing', async () => {
    const approved = await createPolicyDraft(app.strapi);
    await approvePolicy(app.strapi, team, approved);
    const notApproved = await createPolicyDraft(app.strapi);
    const response = await asAdmin(app.strapi, team.leader.token)
      .post(`/content-manager/collection-types/${POLICY}/actions/bulkPublish?locale=vi`)
      .send({ documentIds: [approved, notApproved] });
    expect(response.status).toBe(409);
    expectRefusal(response.body, 'draft');
    expect(await isPublished(approved)).toBe(false);
    expect(await isPublished(notApproved)).toBe(false);
  });

  it('REST create and update, which publish by default', async () => {
    const created = await rest().post('/api/policies?locale=vi').send({ data: { title: 'Qua REST', summary: 'Tóm tắt' } });
    expect(created.status).toBe(409);
    expect(created.body.error.details).toMatchObject({ code: 'APPROVAL_REQUIRED' });
    // Bad input is still answered as such first: the approval refusal comes after validation.
    const invalid = await rest().post('/api/policies?locale=vi').send({ data: { title: 'Thiếu tóm tắt' } });
    expect(invalid.status).toBe(400);
    const countBefore = await app.strapi.db.query(POLICY as never).count({ where: { title: 'Qua REST' } });
    expect(countBefore).toBe(0);
    const asDraft = await rest().post('/api/policies?locale=vi&status=draft').send({ data: { title: 'Qua REST', summary: 'Tóm tắt' } });
    expect(asDraft.status).toBe(201);

    const documentId = await createPolicyDraft(app.strapi, { title: 'Trước khi sửa' });
    const updated = await rest().put(`/api/policies/${documentId}?locale=vi`).send({ data: { title: 'Sửa và xuất bản' } });
    expect(updated.status).toBe(409);
    expect((await draftRow(documentId)).title).toBe('Trước khi sửa');
    expect(await isPublished(documentId)).toBe(false);
  });

  it('an approved document whose content changed behind the workflow’s back (direct database write)', async () => {
    const documentId = await createPolicyDraft(app.strapi);
    await approvePolicy(app.strapi, team, documentId);
    const row = await draftRow(documentId);
    await app.strapi.db.query(POLICY as never).update({ where: { id: row.id }, data: { summary: 'Sửa thẳng trong cơ sở dữ liệu' } });
    const response = await asAdmin(app.strapi, team.leader.token).post(`${cm(documentId)}/actions/publish?locale=vi`).send({});
    expect(response.status).toBe(409);
    expect(response.body.error.details).toMatchObject({ code: 'APPROVAL_OUTDATED' });
  });
});

describe('an approved document', () => {
  it('is published from the content manager, and the publication is recorded', async () => {
    const documentId = await createPolicyDraft(app.strapi);
    await approvePolicy(app.strapi, team, documentId);
    const row = await draftRow(documentId);
    // The admin Publish button sends the form with the publish request: unchanged values keep the approval.
    const response = await asAdmin(app.strapi, team.leader.token)
      .post(`${cm(documentId)}/actions/publish?locale=vi`)
      .send({ title: row.title, summary: row.summary, documentNumber: row.documentNumber ?? null, stage: row.stage });
    expect(response.status).toBe(200);
    expect(await isPublished(documentId)).toBe(true);
    expect((await history(documentId)).at(-1)).toMatchObject({ action: 'publish', from: 'approved', to: 'approved', actor: { id: team.leader.id } });
    expect(await stageOf(app.strapi, team, POLICY, documentId)).toBe('approved');
  });

  it('is refused when the Publish button carries an edit: the edit voids the approval first', async () => {
    const documentId = await createPolicyDraft(app.strapi, { title: 'Bản đã duyệt' });
    await approvePolicy(app.strapi, team, documentId);
    const response = await asAdmin(app.strapi, team.superAdmin.token).post(`${cm(documentId)}/actions/publish?locale=vi`).send({ title: 'Sửa lúc xuất bản' });
    expect(response.status).toBe(409);
    expect(await isPublished(documentId)).toBe(false);
    // Nothing of the refused request stays: neither the edit nor its void.
    expect((await draftRow(documentId)).title).toBe('Bản đã duyệt');
    expect(await stageOf(app.strapi, team, POLICY, documentId)).toBe('approved');
  });

  it('is published by bulk publish and by the document service', async () => {
    const first = await createPolicyDraft(app.strapi);
    const second = await createPolicyDraft(app.strapi);
    const third = await createPolicyDraft(app.strapi);
    for (const documentId of [first, second, third]) await approvePolicy(app.strapi, team, documentId);
    const bulk = await asAdmin(app.strapi, team.leader.token)
      .post(`/content-manager/collection-types/${POLICY}/actions/bulkPublish?locale=vi`)
      .send({ documentIds: [first, second] });
    expect(bulk.status).toBe(200);
    expect(bulk.body.count).toBe(2);
    await app.strapi.documents(POLICY as never).publish({ documentId: third, locale: 'vi' } as never);
    for (const documentId of [first, second, third]) expect(await isPublished(documentId)).toBe(true);
    expect((await history(third)).at(-1)).toMatchObject({ action: 'publish', actorKind: 'system' });
  });

  it('may be unpublished by those allowed to, and the unpublication is recorded', async () => {
    const documentId = await createPolicyDraft(app.strapi);
    await approvePolicy(app.strapi, team, documentId);
    await app.strapi.documents(POLICY as never).publish({ documentId, locale: 'vi' } as never);
    const byEditor = await asAdmin(app.strapi, team.editor.token).post(`${cm(documentId)}/actions/unpublish?locale=vi`).send({});
    expect(byEditor.status).toBe(403);
    const byLeader = await asAdmin(app.strapi, team.leader.token).post(`${cm(documentId)}/actions/unpublish?locale=vi`).send({});
    expect(byLeader.status).toBe(200);
    expect(await isPublished(documentId)).toBe(false);
    expect((await history(documentId)).at(-1)).toMatchObject({ action: 'unpublish', from: 'approved', to: 'approved', actor: { id: team.leader.id } });
  });

  it('goes back to draft when its published version is edited, and cannot be republished until approved again', async () => {
    const documentId = await createPolicyDraft(app.strapi);
    await approvePolicy(app.strapi, team, documentId);
    await app.strapi.documents(POLICY as never).publish({ documentId, locale: 'vi' } as never);
    const edit = await asAdmin(app.strapi, team.editor.token).put(`${cm(documentId)}?locale=vi`).send({ summary: 'Sửa sau khi xuất bản' });
    expect(edit.status).toBe(200);
    expect(await stageOf(app.strapi, team, POLICY, documentId)).toBe('draft');
    const republish = await asAdmin(app.strapi, team.leader.token).post(`${cm(documentId)}/actions/publish?locale=vi`).send({});
    expect(republish.status).toBe(409);
    // The published version stays online, unchanged, while the new draft goes through review.
    expect(await isPublished(documentId)).toBe(true);
  });
});

describe('trusted code', () => {
  it('may publish without approval inside runTrusted, and the audit trail says so', async () => {
    const { runTrusted } = app.strapi.plugin('approval-workflow').service('trust') as {
      runTrusted: <T>(reason: string, fn: () => Promise<T>) => Promise<T>;
    };
    const created = (await runTrusted('seed demo data', () =>
      app.strapi.documents(POLICY as never).create({ data: { title: 'Seeded', summary: 'Seeded summary' }, locale: 'vi', status: 'published' } as never),
    )) as { documentId: string };
    expect(await isPublished(created.documentId)).toBe(true);
    expect((await history(created.documentId)).at(-1)).toMatchObject({
      action: 'publish',
      from: 'draft',
      forced: true,
      comment: 'trusted publish without approval: seed demo data',
    });
    await expect(runTrusted('  ', async () => 1)).rejects.toThrow(/needs a reason/);
  });
});
