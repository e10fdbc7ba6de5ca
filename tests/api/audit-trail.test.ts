import type { Core } from '@strapi/strapi';
import { asAdmin, SUPER_ADMIN_ENV } from '../helpers/admin';
import { createConsultationDraft, createPolicyDraft, createTeam, documentUrl, POLICY, type Team } from '../helpers/approval-workflow';
import { publishTrusted } from '../helpers/content';
import { FEEDBACK_UID } from '../helpers/feedback';
import { DELIVERY, deliveriesOf, PORTAL_SECRET } from '../helpers/publishing';
import { startTestApp, type TestApp } from '../helpers/strapi';

const ENTRY = 'plugin::audit-trail.entry';
const ENTRIES = '/audit-trail/entries';
// PROXY=true, PROXY_COUNT=1: the address is the last X-Forwarded-For entry, the one our proxy wrote.
const CLIENT_IP = '203.0.113.7';
const FORWARDED = `198.51.100.99, ${CLIENT_IP}`;
const USER_AGENT = 'audit-trail-test/1.0';

type EntryRow = {
  id: number;
  action: string;
  actorKind: string;
  actorId: number | null;
  actorEmail: string | null;
  actorName: string | null;
  subjectType: string;
  subjectId: string | null;
  subjectLabel: string | null;
  details: Record<string, unknown>;
  ip: string | null;
  userAgent: string | null;
  occurredAt: string;
};

let app: TestApp;
let team: Team;

const entries = async (where: Record<string, unknown> = {}): Promise<EntryRow[]> =>
  (await app.strapi.db.query(ENTRY).findMany({ where, orderBy: { id: 'asc' } })) as EntryRow[];

/** A request as the super admin through our proxy, with a browser's user agent. */
const superAdmin = () => {
  const client = asAdmin(app.strapi, team.superAdmin.token);
  const from = <T extends { set: (name: string, value: string) => T }>(test: T) => test.set('X-Forwarded-For', FORWARDED).set('User-Agent', USER_AGENT);
  return {
    get: (url: string) => from(client.get(url)),
    post: (url: string) => from(client.post(url)),
    put: (url: string) => from(client.put(url)),
    delete: (url: string) => from(client.delete(url)),
  };
};

/** Runs `action` and returns the entries it added. */
const added = async (action: () => Promise<unknown>): Promise<EntryRow[]> => {
  const before = (await entries()).map((row) => row.id);
  await action();
  return (await entries()).filter((row) => !before.includes(row.id));
};

const expectSuperAdminEntry = (entry: EntryRow | undefined, action: string, subjectType: string, subjectId: string | number) => {
  expect(entry).toMatchObject({
    action,
    actorKind: 'admin',
    actorId: team.superAdmin.id,
    actorEmail: team.superAdmin.email,
    subjectType,
    subjectId: String(subjectId),
    ip: CLIENT_IP,
    userAgent: USER_AGENT,
  });
  expect(entry?.actorName).toBeTruthy();
  expect(Number.isNaN(Date.parse(String(entry?.occurredAt)))).toBe(false);
};

beforeAll(async () => {
  app = await startTestApp('audit_trail', {
    ...SUPER_ADMIN_ENV,
    PROXY: 'true',
    // The retry test needs one delivery that stays where the test puts it: nothing dispatches here.
    PUBLISHING_DISPATCHER_ENABLED: 'false',
    PORTAL_WEBHOOK_URL: 'http://127.0.0.1:9/portal',
    PORTAL_WEBHOOK_SECRET: PORTAL_SECRET,
  });
  team = await createTeam(app.strapi, 'audit');
});

afterAll(async () => {
  await app?.stop();
  for (const name of ['PROXY', 'PUBLISHING_DISPATCHER_ENABLED', 'PORTAL_WEBHOOK_URL', 'PORTAL_WEBHOOK_SECRET']) delete process.env[name];
});

describe('each sensitive action writes exactly one entry: who, when, what, from where', () => {
  let draft: string;

  beforeAll(async () => {
    draft = await createConsultationDraft(app.strapi);
    await app.strapi.documents(FEEDBACK_UID as never).create({
      data: { consultationDraft: draft, submitterType: 'citizen', content: 'Nội dung góp ý riêng tư', category: 'comment', fullName: 'Giàng Seo Páo', email: 'pao@example.vn', phone: '0987654321' },
    } as never);
  });

  it('an export of feedback with names, e-mails and phones', async () => {
    const rows = await added(async () => {
      const response = await superAdmin().get(`/feedback-export/consultation-drafts/${draft}.csv`);
      expect(response.status).toBe(200);
      expect(response.text).toContain('pao@example.vn');
    });
    expect(rows).toHaveLength(1);
    expectSuperAdminEntry(rows[0], 'feedback.export-personal-data', 'api::consultation-draft.consultation-draft', draft);
    expect(rows[0].subjectLabel).toMatch(/^Dự thảo lấy ý kiến/);
    expect(rows[0].details).toMatchObject({ format: 'csv', personalFields: ['fullName', 'email', 'phone'] });
    expect(JSON.stringify(rows[0])).not.toMatch(/pao@example\.vn|Giàng|0987654321|riêng tư/);
  });

  it('but not an export without personal data (a leader\'s)', async () => {
    const rows = await added(async () => {
      const response = await asAdmin(app.strapi, team.leader.token).get(`/feedback-export/consultation-drafts/${draft}.csv`);
      expect(response.status).toBe(200);
      expect(response.text).not.toContain('pao@example.vn');
    });
    expect(rows).toHaveLength(0);
  });

  it('a force-approval, with its written reason', async () => {
    const documentId = await createPolicyDraft(app.strapi);
    const rows = await added(async () => {
      const response = await superAdmin().post(`${documentUrl(POLICY, documentId)}/transitions`).send({ action: 'force-approve', comment: 'Văn bản khẩn cấp', locale: 'vi' });
      expect(response.status).toBe(200);
    });
    expect(rows).toHaveLength(1);
    expectSuperAdminEntry(rows[0], 'approval.force-approve', POLICY, documentId);
    expect(rows[0].details).toMatchObject({ reason: 'Văn bản khẩn cấp', locale: 'vi', stage: 'approved' });
  });

  it('a retry of a dead delivery', async () => {
    const documentId = await createPolicyDraft(app.strapi, { title: 'Chính sách giao lại' });
    await publishTrusted(app.strapi, POLICY, documentId);
    const [delivery] = await deliveriesOf(app.strapi, { targetDocumentId: documentId, channel: 'portal' });
    await app.strapi.db.query(DELIVERY as never).update({ where: { id: delivery.id }, data: { status: 'dead' } });
    const rows = await added(async () => {
      const response = await superAdmin().post(`/multichannel-publishing/deliveries/${delivery.id}/retry`);
      expect(response.status).toBe(200);
    });
    expect(rows).toHaveLength(1);
    expectSuperAdminEntry(rows[0], 'delivery.retry', POLICY, documentId);
    expect(rows[0].subjectLabel).toBe('Chính sách giao lại');
    expect(rows[0].details).toMatchObject({ deliveryId: delivery.id, channel: 'portal' });
  });

  it('a deletion of feedback, keeping its tracking code but nothing the citizen wrote', async () => {
    const feedback = (await app.strapi.documents(FEEDBACK_UID as never).create({
      data: { consultationDraft: draft, submitterType: 'citizen', content: 'Góp ý sẽ bị xoá', category: 'question', fullName: 'Lò Thị Mai', email: 'mai@example.vn' },
    } as never)) as { documentId: string; trackingCode: string };
    const rows = await added(async () => {
      const response = await superAdmin().delete(`/content-manager/collection-types/${FEEDBACK_UID}/${feedback.documentId}`);
      expect(response.status).toBe(200);
    });
    expect(rows).toHaveLength(1);
    expectSuperAdminEntry(rows[0], 'feedback.delete', FEEDBACK_UID, feedback.documentId);
    expect(rows[0].subjectLabel).toBe(feedback.trackingCode);
    expect(rows[0].details).toMatchObject({ moderationStatus: 'received', category: 'question', consultationDraft: draft });
    expect(JSON.stringify(rows[0])).not.toMatch(/mai@example\.vn|Lò Thị Mai|bị xoá/);
  });

  it('a deletion of feedback by code (no request): the actor is the system', async () => {
    const feedback = (await app.strapi.documents(FEEDBACK_UID as never).create({
      data: { consultationDraft: draft, submitterType: 'citizen', content: 'Góp ý thứ hai', category: 'comment' },
    } as never)) as { documentId: string };
    const rows = await added(() => app.strapi.documents(FEEDBACK_UID as never).delete({ documentId: feedback.documentId } as never));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'feedback.delete', actorKind: 'system', actorId: null, ip: null, subjectId: feedback.documentId });
  });
});

describe('admin role changes and role assignments are recorded, one entry each', () => {
  let roleId: number;
  let userId: number;
  const readPolicies = { action: 'plugin::content-manager.explorer.read', subject: POLICY, properties: { fields: ['title'], locales: ['vi'] }, conditions: [] };

  it('creating a role', async () => {
    const rows = await added(async () => {
      const response = await superAdmin().post('/admin/roles').send({ name: 'Kiểm toán viên', description: 'Đọc chính sách' });
      expect(response.status).toBe(201);
      roleId = response.body.data.id;
    });
    expect(rows).toHaveLength(1);
    expectSuperAdminEntry(rows[0], 'admin.role.create', 'admin::role', roleId);
    expect(rows[0].subjectLabel).toBe('Kiểm toán viên');
  });

  it('renaming it', async () => {
    const rows = await added(async () => {
      expect((await superAdmin().put(`/admin/roles/${roleId}`).send({ name: 'Kiểm toán nội bộ', description: 'Đọc chính sách' })).status).toBe(200);
    });
    expect(rows).toHaveLength(1);
    expectSuperAdminEntry(rows[0], 'admin.role.update', 'admin::role', roleId);
    expect(rows[0].details).toMatchObject({ nameBefore: 'Kiểm toán viên', nameAfter: 'Kiểm toán nội bộ' });
  });

  it('changing its permissions, with what was added', async () => {
    const rows = await added(async () => {
      expect((await superAdmin().put(`/admin/roles/${roleId}/permissions`).send({ permissions: [readPolicies] })).status).toBe(200);
    });
    expect(rows).toHaveLength(1);
    expectSuperAdminEntry(rows[0], 'admin.role.permissions', 'admin::role', roleId);
    expect(rows[0].details).toMatchObject({ permissions: 1, addedCount: 1, removedCount: 0, added: [`${readPolicies.action} ${POLICY}`] });
  });

  it('creating an admin user with roles, then assigning other roles', async () => {
    const created = await added(async () => {
      const response = await superAdmin().post('/admin/users').send({ firstname: 'Kiểm', lastname: 'Toán', email: 'kiem.toan@test.gov.vn', roles: [roleId] });
      expect(response.status).toBe(201);
      userId = response.body.data.id;
    });
    expect(created).toHaveLength(1);
    expectSuperAdminEntry(created[0], 'admin.user.create', 'admin::user', userId);
    expect(created[0].subjectLabel).toBe('kiem.toan@test.gov.vn');

    const editorRole = (await app.strapi.db.query('admin::role').findOne({ where: { code: 'approval-workflow-editor' } })) as { id: number };
    const assigned = await added(async () => {
      expect((await superAdmin().put(`/admin/users/${userId}`).send({ roles: [roleId, editorRole.id] })).status).toBe(200);
    });
    expect(assigned).toHaveLength(1);
    expectSuperAdminEntry(assigned[0], 'admin.user.roles', 'admin::user', userId);
    expect(assigned[0].details).toMatchObject({ rolesAfter: expect.arrayContaining(['approval-workflow-editor']) });
    expect(assigned[0].details.rolesBefore).not.toContain('approval-workflow-editor');
  });

  it('but not an update that leaves the roles as they were, nor a refused change', async () => {
    const rows = await added(async () => {
      expect((await superAdmin().put(`/admin/users/${userId}`).send({ firstname: 'Kiểm tra' })).status).toBe(200);
      expect((await superAdmin().put('/admin/roles/abc').send({ name: 'x' })).status).toBeLessThan(500);
      expect((await asAdmin(app.strapi, team.editor.token).post('/admin/roles').send({ name: 'Không được phép' })).status).toBe(403);
    });
    expect(rows).toHaveLength(0);
  });

  it('deleting the user, then the role', async () => {
    const user = await added(async () => {
      expect((await superAdmin().delete(`/admin/users/${userId}`)).status).toBe(200);
    });
    expect(user).toHaveLength(1);
    expectSuperAdminEntry(user[0], 'admin.user.delete', 'admin::user', userId);
    const role = await added(async () => {
      expect((await superAdmin().delete(`/admin/roles/${roleId}`)).status).toBe(200);
    });
    expect(role).toHaveLength(1);
    expectSuperAdminEntry(role[0], 'admin.role.delete', 'admin::role', roleId);
  });
});

describe('reading the audit trail', () => {
  it('is for super admins: newest first, filtered by action, actor and dates', async () => {
    const all = await superAdmin().get(ENTRIES);
    expect(all.status).toBe(200);
    expect(all.headers['cache-control']).toContain('no-store');
    expect(all.body.meta.pagination.total).toBe((await entries()).length);
    const ids = all.body.data.map((entry: { id: number }) => entry.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(all.body.data[0]).toMatchObject({ actor: { kind: 'admin' }, subject: { type: 'admin::role' }, ip: CLIENT_IP, userAgent: USER_AGENT });

    const retries = await superAdmin().get(`${ENTRIES}?action=delivery.retry`);
    expect(retries.body.data.map((entry: { action: string }) => entry.action)).toEqual(['delivery.retry']);
    const byEmail = await superAdmin().get(`${ENTRIES}?actor=${encodeURIComponent(team.superAdmin.email.toUpperCase())}&pageSize=1`);
    expect(byEmail.body.meta.pagination).toMatchObject({ pageSize: 1, total: (await entries({ actorId: team.superAdmin.id })).length });
    const byId = await superAdmin().get(`${ENTRIES}?actor=${team.leader.id}`);
    expect(byId.body.data).toEqual([]);
    const future = await superAdmin().get(`${ENTRIES}?from=2999-01-01`);
    expect(future.body.data).toEqual([]);
    const past = await superAdmin().get(`${ENTRIES}?to=2000-01-01T00:00:00Z`);
    expect(past.body.data).toEqual([]);
  });

  it('answers 400 naming the parameter to bad input', async () => {
    for (const query of ['action=nope', 'from=not-a-date', 'pageSize=1000', 'page=0', 'actor=someone', 'unknown=1', 'from=2026-02-01&to=2026-01-01']) {
      const response = await superAdmin().get(`${ENTRIES}?${query}`);
      expect([query, response.status]).toEqual([query, 400]);
      expect(response.body.error.name).toBe('ValidationError');
    }
  });

  it('is refused to editors, reviewers and leaders (403) and to anonymous callers (401)', async () => {
    for (const person of [team.editor, team.reviewer, team.leader]) {
      expect((await asAdmin(app.strapi, person.token).get(ENTRIES)).status).toBe(403);
    }
    expect((await app.http().get(ENTRIES)).status).toBe(401);
  });
});

describe('an entry can never be changed or deleted', () => {
  let entry: EntryRow;
  const unchanged = async () => expect((await entries({ id: entry.id }))[0]).toEqual(entry);

  beforeAll(async () => {
    [entry] = await entries({ action: 'approval.force-approve' });
  });

  it('not through the content manager, even by a super admin', async () => {
    const base = `/content-manager/collection-types/${ENTRY}`;
    const attempts = [
      superAdmin().put(`${base}/${entry.id}`).send({ action: 'feedback.delete' }),
      superAdmin().delete(`${base}/${entry.id}`),
      superAdmin().post(`${base}/actions/bulkDelete`).send({ documentIds: [entry.id] }),
      superAdmin().post(base).send({ action: 'feedback.delete' }),
      superAdmin().get(base),
    ];
    for (const response of await Promise.all(attempts)) expect(response.status).toBe(403);
    await unchanged();
  });

  it('not through any route of the plugin or the content API', async () => {
    for (const [method, url] of [
      ['put', `${ENTRIES}/${entry.id}`],
      ['delete', `${ENTRIES}/${entry.id}`],
      ['post', ENTRIES],
      ['put', `/api/entries/${entry.id}`],
      ['delete', `/api/entries/${entry.id}`],
    ] as const) {
      // 405 where the path exists for reading only.
      expect([404, 405]).toContain((await superAdmin()[method](url).send({})).status);
    }
    await unchanged();
  });

  it('not through the document service nor the query engine', async () => {
    const stored = (await app.strapi.db.query(ENTRY).findOne({ where: { id: entry.id } })) as { documentId: string };
    const documents = app.strapi.documents(ENTRY as never);
    await expect(documents.update({ documentId: stored.documentId, data: { action: 'feedback.delete' } } as never)).rejects.toThrow(/never be changed/);
    await expect(documents.delete({ documentId: stored.documentId } as never)).rejects.toThrow(/never be changed/);
    await expect(documents.create({ data: { action: 'feedback.delete' } } as never)).rejects.toThrow(/never be changed/);
    const query = app.strapi.db.query(ENTRY);
    await expect(query.update({ where: { id: entry.id }, data: { action: 'feedback.delete' } })).rejects.toThrow(/never be changed/);
    await expect(query.updateMany({ where: {}, data: { ip: null } })).rejects.toThrow(/never be changed/);
    await expect(query.delete({ where: { id: entry.id } })).rejects.toThrow(/never be changed/);
    await expect(query.deleteMany({ where: {} })).rejects.toThrow(/never be changed/);
    await unchanged();
  });
});

describe('when the audit trail cannot be written', () => {
  const table = 'audit_trail_entries';
  const hidden = 'audit_trail_entries_unavailable';
  const connection = () => (app.strapi as Core.Strapi).db.connection;

  beforeAll(async () => {
    await connection().schema.renameTable(table, hidden);
  });
  afterAll(async () => {
    await connection().schema.renameTable(hidden, table);
  });

  it('refuses the export of personal data (503) rather than let it out unrecorded', async () => {
    const draft = await createConsultationDraft(app.strapi);
    const response = await superAdmin().get(`/feedback-export/consultation-drafts/${draft}.csv`);
    expect(response.status).toBe(503);
    expect(response.body.error.message).toMatch(/audit trail/);
    expect(response.text).not.toContain('Họ tên');
  });

  it('still lets the other actions happen (the failure is logged)', async () => {
    const documentId = await createPolicyDraft(app.strapi);
    const response = await superAdmin().post(`${documentUrl(POLICY, documentId)}/transitions`).send({ action: 'force-approve', comment: 'Vẫn được duyệt', locale: 'vi' });
    expect(response.status).toBe(200);
  });
});
