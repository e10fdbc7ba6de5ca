import { createFullAccessToken } from '../helpers/api-token';
import { asAdmin, createAdminUser, loginAdmin, SUPER_ADMIN_ENV } from '../helpers/admin';
import {
  approvePolicy,
  createPolicyDraft,
  createTeam,
  documentUrl,
  POLICY,
  ROLE_CODES,
  transition,
  type Team,
} from '../helpers/approval-workflow';
import { bootStrapi, startTestApp, type TestApp } from '../helpers/strapi';
import type { Core } from '@strapi/strapi';
import request from 'supertest';

const TRANSITION_UID = 'plugin::approval-workflow.transition';
const STATE_UID = 'plugin::approval-workflow.workflow-state';

let app: TestApp;
let strapi: Core.Strapi;
let team: Team;
let apiToken: string;

const http = () => request(strapi.server.httpServer);
const countRows = (uid: string) => strapi.db.query(uid as never).count();

beforeAll(async () => {
  // First boot creates the roles; an administrator then narrows one; the second boot must keep that.
  app = await startTestApp('aw_audit', SUPER_ADMIN_ENV);
  const editorRole = (await app.strapi.db.query('admin::role').findOne({
    where: { code: ROLE_CODES.editor },
    populate: ['permissions'],
  })) as { id: number; permissions: Array<{ id: number; action: string }> };
  const submit = editorRole.permissions.find((permission) => permission.action === 'plugin::approval-workflow.submit');
  const readHistory = editorRole.permissions.find((permission) => permission.action === 'plugin::approval-workflow.read-history');
  await app.strapi.db.query('admin::permission').delete({ where: { id: readHistory!.id } });
  expect(submit).toBeDefined();
  await app.stop({ keepDatabase: true });

  strapi = await bootStrapi(app.database, SUPER_ADMIN_ENV);
  app = { ...app, strapi, http, stop: async () => { await strapi.destroy(); await app.database.drop(); } };
  team = await createTeam(strapi);
  apiToken = await createFullAccessToken(strapi, 'audit tests');
});

afterAll(async () => {
  await app?.stop();
});

describe('bootstrap roles', () => {
  it('creates Biên tập viên / Editor, Người duyệt / Reviewer and Lãnh đạo / Leader once, whatever the number of boots', async () => {
    const roles = (await strapi.db.query('admin::role').findMany({ where: { code: { $in: Object.values(ROLE_CODES) } } })) as Array<{ name: string }>;
    expect(roles.map((role) => role.name).sort()).toEqual(['Biên tập viên / Editor', 'Lãnh đạo / Leader', 'Người duyệt / Reviewer']);
    // Strapi's own default roles still exist: creating ours must not have prevented them.
    expect(await strapi.db.query('admin::role').count({ where: { code: 'strapi-super-admin' } })).toBe(1);
  });

  it('leaves an existing role as an administrator shaped it', async () => {
    const editorRole = (await strapi.db.query('admin::role').findOne({ where: { code: ROLE_CODES.editor }, populate: ['permissions'] })) as {
      permissions: Array<{ action: string }>;
    };
    const actions = editorRole.permissions.map((permission) => permission.action);
    expect(actions).toContain('plugin::approval-workflow.submit');
    expect(actions).not.toContain('plugin::approval-workflow.read-history');
  });

  it('registers the five plugin permissions for Settings → Roles', async () => {
    const response = await asAdmin(strapi, team.superAdmin.token).get('/admin/permissions');
    expect(response.status).toBe(200);
    const actions = (response.body.data.sections.plugins as Array<{ action: string }>).map((entry) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'plugin::approval-workflow.submit',
        'plugin::approval-workflow.review',
        'plugin::approval-workflow.approve',
        'plugin::approval-workflow.force-approve',
        'plugin::approval-workflow.read-history',
      ]),
    );
  });
});

describe('permissions are enforced per role', () => {
  it('lets an editor submit and edit, but not approve, request changes, force-approve or publish', async () => {
    const documentId = await createPolicyDraft(strapi);
    expect((await transition(strapi, team.editor, POLICY, documentId, { action: 'submit' })).status).toBe(200);
    const other = await createPolicyDraft(strapi);
    await transition(strapi, team.editor2, POLICY, other, { action: 'submit' });
    expect((await transition(strapi, team.editor, POLICY, other, { action: 'approve' })).status).toBe(403);
    const changes = await transition(strapi, team.editor, POLICY, other, { action: 'request-changes', comment: 'x' });
    expect(changes.status).toBe(403);
    expect(changes.body.error.message).toContain('plugin::approval-workflow.review');
    expect((await transition(strapi, team.editor, POLICY, other, { action: 'force-approve', comment: 'x' })).status).toBe(403);
    const publish = await asAdmin(strapi, team.editor.token).post(`/content-manager/collection-types/${POLICY}/${other}/actions/publish?locale=vi`).send({});
    expect(publish.status).toBe(403);
    const edit = await asAdmin(strapi, team.editor.token).put(`/content-manager/collection-types/${POLICY}/${other}?locale=vi`).send({ title: 'Sửa' });
    expect(edit.status).toBe(200);
  });

  it('lets a reviewer approve and request changes, but not submit, edit or publish', async () => {
    const documentId = await createPolicyDraft(strapi);
    expect((await transition(strapi, team.reviewer, POLICY, documentId, { action: 'submit' })).status).toBe(403);
    await transition(strapi, team.editor, POLICY, documentId, { action: 'submit' });
    expect((await transition(strapi, team.reviewer, POLICY, documentId, { action: 'approve' })).status).toBe(200);
    expect((await transition(strapi, team.reviewer2, POLICY, documentId, { action: 'request-changes', comment: 'Thiếu căn cứ' })).status).toBe(200);
    const edit = await asAdmin(strapi, team.reviewer.token).put(`/content-manager/collection-types/${POLICY}/${documentId}?locale=vi`).send({ title: 'x' });
    expect(edit.status).toBe(403);
    const publish = await asAdmin(strapi, team.reviewer.token).post(`/content-manager/collection-types/${POLICY}/${documentId}/actions/publish?locale=vi`).send({});
    expect(publish.status).toBe(403);
  });

  it('lets a leader approve and publish, but not submit or edit', async () => {
    const documentId = await createPolicyDraft(strapi);
    expect((await transition(strapi, team.leader, POLICY, documentId, { action: 'submit' })).status).toBe(403);
    await approvePolicy(strapi, team, documentId);
    const publish = await asAdmin(strapi, team.leader.token).post(`/content-manager/collection-types/${POLICY}/${documentId}/actions/publish?locale=vi`).send({});
    expect(publish.status).toBe(200);
    const edit = await asAdmin(strapi, team.leader.token).put(`/content-manager/collection-types/${POLICY}/${documentId}?locale=vi`).send({ title: 'x' });
    expect(edit.status).toBe(403);
  });

  it('refuses the history to a role without read-history, and everything to a role without workflow permissions', async () => {
    const documentId = await createPolicyDraft(strapi);
    // The editor role lost read-history in the first boot of this file.
    expect((await asAdmin(strapi, team.editor.token).get(documentUrl(POLICY, documentId))).status).toBe(403);
    expect((await asAdmin(strapi, team.reviewer.token).get(documentUrl(POLICY, documentId))).status).toBe(200);

    const author = await createAdminUser(strapi, { email: 'aw-author@test.gov.vn', roleCodes: ['strapi-author'] });
    expect((await asAdmin(strapi, author.token).get(documentUrl(POLICY, documentId))).status).toBe(403);
    expect((await asAdmin(strapi, author.token).get('/approval-workflow/inbox')).status).toBe(403);
    const submit = await transition(strapi, author, POLICY, documentId, { action: 'submit' });
    expect(submit.status).toBe(403);
    expect(submit.body.error.message).toContain('plugin::approval-workflow.submit');
  });
});

describe('the audit trail is immutable', () => {
  let entryDocumentId: string;
  let stateDocumentId: string;
  let before: { transitions: number; states: number };

  beforeAll(async () => {
    const documentId = await createPolicyDraft(strapi);
    await approvePolicy(strapi, team, documentId);
    const entry = (await strapi.db.query(TRANSITION_UID as never).findOne({ where: { targetDocumentId: documentId } })) as { documentId: string };
    const state = (await strapi.db.query(STATE_UID as never).findOne({ where: { targetDocumentId: documentId } })) as { documentId: string };
    entryDocumentId = entry.documentId;
    stateDocumentId = state.documentId;
    before = { transitions: await countRows(TRANSITION_UID), states: await countRows(STATE_UID) };
  });

  afterEach(async () => {
    expect(await countRows(TRANSITION_UID)).toBe(before.transitions);
    expect(await countRows(STATE_UID)).toBe(before.states);
  });

  it('refuses update, delete and create through the content-manager API, even for a super admin', async () => {
    const admin = asAdmin(strapi, team.superAdmin.token);
    for (const uid of [TRANSITION_UID, STATE_UID]) {
      const id = uid === TRANSITION_UID ? entryDocumentId : stateDocumentId;
      const base = `/content-manager/collection-types/${uid}`;
      const responses = [
        await admin.put(`${base}/${id}`).send({ comment: 'rewritten' }),
        await admin.delete(`${base}/${id}`),
        await admin.post(base).send({ contentType: POLICY, targetDocumentId: 'x', action: 'approve', actorKind: 'admin' }),
        await admin.post(`${base}/actions/bulkDelete`).send({ documentIds: [id] }),
      ];
      // The content manager offers create/update/delete only on displayed types: the audit trail is hidden.
      for (const response of responses) expect(response.status).toBe(403);
    }
  });

  it('offers no REST route to change it', async () => {
    for (const [method, url] of [
      ['put', `/api/transitions/${entryDocumentId}`],
      ['delete', `/api/transitions/${entryDocumentId}`],
      ['post', '/api/transitions'],
      ['put', `/api/workflow-states/${stateDocumentId}`],
    ] as const) {
      const response = await http()[method](url).set('Authorization', `Bearer ${apiToken}`).send({ data: { comment: 'x' } });
      expect([404, 405]).toContain(response.status);
    }
  });

  it('is absent from GraphQL', async () => {
    const response = await http()
      .post('/graphql')
      .set('Authorization', `Bearer ${apiToken}`)
      .send({ query: `mutation { deleteTransition(documentId: "${entryDocumentId}") { documentId } }` });
    expect(JSON.stringify(response.body)).toMatch(/Cannot query field|Unknown|not exist/i);
  });

  it('refuses writes through the document service', async () => {
    const documents = strapi.documents(TRANSITION_UID as never) as unknown as Record<string, (params: unknown) => Promise<unknown>>;
    await expect(documents.update({ documentId: entryDocumentId, data: { comment: 'rewritten' } })).rejects.toThrow(/append-only/);
    await expect(documents.delete({ documentId: entryDocumentId })).rejects.toThrow(/append-only/);
    await expect(documents.create({ data: { contentType: POLICY, targetDocumentId: 'x', action: 'approve', actorKind: 'admin' } })).rejects.toThrow(/append-only/);
    const states = strapi.documents(STATE_UID as never) as unknown as Record<string, (params: unknown) => Promise<unknown>>;
    await expect(states.update({ documentId: stateDocumentId, data: { stage: 'approved' } })).rejects.toThrow(/append-only/);
    expect(await documents.findOne({ documentId: entryDocumentId })).toMatchObject({ documentId: entryDocumentId });
  });

  it('keeps the history of a deleted document, recording the deletion', async () => {
    const documentId = await createPolicyDraft(strapi);
    await transition(strapi, team.editor, POLICY, documentId, { action: 'submit' });
    const response = await asAdmin(strapi, team.superAdmin.token).delete(`/content-manager/collection-types/${POLICY}/${documentId}?locale=vi`);
    expect(response.status).toBe(200);
    const entries = (await strapi.db.query(TRANSITION_UID as never).findMany({ where: { targetDocumentId: documentId }, orderBy: { id: 'asc' } })) as Array<{
      action: string;
    }>;
    expect(entries.map((entry) => entry.action)).toEqual(['submit', 'delete']);
    expect(await strapi.db.query(STATE_UID as never).count({ where: { targetDocumentId: documentId } })).toBe(0);
    before = { transitions: before.transitions + 2, states: before.states };
  });
});

describe('demo users for the development seed', () => {
  it('creates one admin per editorial role, once, and they can log in', async () => {
    const demo = strapi.plugin('approval-workflow').service('demo-users') as {
      ensureDemoUsers: () => Promise<Array<{ email: string; password: string; role: string; created: boolean }>>;
    };
    const first = await demo.ensureDemoUsers();
    expect(first.map((user) => [user.email, user.role, user.created])).toEqual([
      ['editor@laocai.gov.vn', 'Biên tập viên / Editor', true],
      ['reviewer@laocai.gov.vn', 'Người duyệt / Reviewer', true],
      ['leader@laocai.gov.vn', 'Lãnh đạo / Leader', true],
    ]);
    const second = await demo.ensureDemoUsers();
    expect(second.every((user) => !user.created)).toBe(true);
    for (const user of second) expect(typeof (await loginAdmin(strapi, user.email, user.password))).toBe('string');
  });

  it('refuses to create them in production', async () => {
    const demo = strapi.plugin('approval-workflow').service('demo-users') as { ensureDemoUsers: () => Promise<unknown> };
    const previous = strapi.config.get('environment');
    strapi.config.set('environment', 'production');
    try {
      await expect(demo.ensureDemoUsers()).rejects.toThrow(/development only/);
    } finally {
      strapi.config.set('environment', previous);
    }
  });
});
