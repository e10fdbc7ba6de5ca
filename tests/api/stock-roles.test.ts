import { asAdmin, createAdminUser, loginAdmin, SUPER_ADMIN, SUPER_ADMIN_ENV } from '../helpers/admin';
import { agencyData, createDocument, policyData } from '../helpers/content';
import { restartTestApp, startTestApp, type TestApp } from '../helpers/strapi';
import { STOCK_ROLES_STORE, STOCK_ROLES_VERSION } from '../../src/bootstrap/stock-roles';

const FEEDBACK = 'api::feedback.feedback';
const FOCAL_POINT = 'api::focal-point.focal-point';
const AGENCY = 'api::agency.agency';
const POLICY = 'api::policy.policy';
const RADIO_SCRIPT = 'api::radio-script.radio-script';
const CM = '/content-manager/collection-types';
const EDITORIAL = [POLICY, 'api::consultation-draft.consultation-draft', RADIO_SCRIPT];

type Person = { email: string; token: string };
type StoredPermission = { id: number; action: string; subject: string | null; conditions: string[]; properties: { fields?: string[] } | null };
type StoredRole = { id: number; name: string; description: string; permissions: StoredPermission[] };

let app: TestApp;
let contributor: Person;
let otherContributor: Person;
let directoryManager: Person;
let feedbackId: string;
let focalPointId: string;
let agencyId: string;

const as = (person: Person) => asAdmin(app.strapi, person.token);
const roleByCode = async (code: string) =>
  (await app.strapi.db.query('admin::role').findOne({ where: { code }, populate: ['permissions'] })) as StoredRole;

const restart = async () => {
  app = await restartTestApp(app, SUPER_ADMIN_ENV);
  for (const person of [contributor, otherContributor, directoryManager]) person.token = await loginAdmin(strapi, person.email, 'User-Passw0rd!');
};

beforeAll(async () => {
  app = await startTestApp('stock_roles', SUPER_ADMIN_ENV);
  contributor = await createAdminUser(app.strapi, { email: 'ctv1@test.gov.vn', roleCodes: ['strapi-author'] });
  otherContributor = await createAdminUser(app.strapi, { email: 'ctv2@test.gov.vn', roleCodes: ['strapi-author'] });
  directoryManager = await createAdminUser(app.strapi, { email: 'danhmuc@test.gov.vn', roleCodes: ['strapi-editor'] });
  agencyId = (await createDocument(app.strapi, AGENCY, agencyData())).documentId;
  focalPointId = (
    await app.strapi.documents(FOCAL_POINT).create({
      data: { fullName: 'Phạm Văn Đầu Mối', position: 'Chuyên viên', agency: agencyId, email: 'daumoi@laocai.gov.vn', phone: '0214000111' },
    } as never)
  ).documentId;
  const policy = await createDocument(app.strapi, POLICY, policyData());
  feedbackId = (
    await app.strapi.documents(FEEDBACK).create({
      data: { policy: policy.documentId, content: 'Góp ý thử', fullName: 'Người Góp Ý', email: 'gopy@example.vn', phone: '0987000222' },
    } as never)
  ).documentId;
});

afterAll(async () => {
  await app?.stop();
});

describe('on a fresh database', () => {
  it('keeps Strapi’s own conditions: every editorial permission of the Contributor is limited to what they created', async () => {
    const role = await roleByCode('strapi-author');
    const editorial = role.permissions.filter((permission) => permission.subject && EDITORIAL.includes(permission.subject));
    expect(editorial.map((permission) => permission.action).sort()).toEqual(
      expect.arrayContaining(['plugin::content-manager.explorer.create', 'plugin::content-manager.explorer.read', 'plugin::content-manager.explorer.update']),
    );
    expect(editorial).toHaveLength(9);
    for (const permission of editorial) expect(permission.conditions).toEqual(['admin::is-creator']);
  });

  it('names the stock roles for this product, in Vietnamese and English', async () => {
    expect((await roleByCode('strapi-editor')).name).toBe('Quản lý danh mục / Directory manager');
    expect((await roleByCode('strapi-author')).name).toBe('Cộng tác viên / Contributor');
    expect((await roleByCode('strapi-author')).description).toMatch(/góp ý.*feedback/);
  });

  it('gives neither stock role any permission on feedback, nor a delete or publish of editorial content', async () => {
    for (const code of ['strapi-editor', 'strapi-author']) {
      const { permissions } = await roleByCode(code);
      expect(permissions.filter((permission) => permission.subject === FEEDBACK)).toEqual([]);
      const forbidden = permissions.filter(
        (permission) => permission.subject && EDITORIAL.includes(permission.subject) && /explorer\.(delete|publish)$/.test(permission.action),
      );
      expect(forbidden).toEqual([]);
    }
  });
});

describe('the Contributor (stock Author)', () => {
  it('cannot list, read or delete feedback', async () => {
    const list = await as(contributor).get(`${CM}/${FEEDBACK}`);
    expect(list.status).toBe(403);
    expect(JSON.stringify(list.body)).not.toContain('gopy@example.vn');
    expect((await as(contributor).get(`${CM}/${FEEDBACK}/${feedbackId}`)).status).toBe(403);
    expect((await as(contributor).delete(`${CM}/${FEEDBACK}/${feedbackId}`)).status).toBe(403);
    expect(await app.strapi.documents(FEEDBACK).findOne({ documentId: feedbackId } as never)).not.toBeNull();
  });

  it('reads focal points to pick them, without their e-mail or phone', async () => {
    const one = await as(contributor).get(`${CM}/${FOCAL_POINT}/${focalPointId}`);
    expect(one.status).toBe(200);
    expect(one.body.data.fullName).toBe('Phạm Văn Đầu Mối');
    const list = await as(contributor).get(`${CM}/${FOCAL_POINT}`);
    expect(list.status).toBe(200);
    expect(list.body.results.length).toBeGreaterThan(0);
    for (const body of [one.body, list.body]) expect(JSON.stringify(body)).not.toMatch(/daumoi@laocai\.gov\.vn|0214000111/);
  });

  it('cannot change the directory', async () => {
    expect((await as(contributor).put(`${CM}/${FOCAL_POINT}/${focalPointId}`).send({ phone: '0000' })).status).toBe(403);
    expect((await as(contributor).post(`${CM}/${AGENCY}?locale=vi`).send(agencyData())).status).toBe(403);
  });

  it('creates a policy draft and edits it, but neither deletes nor publishes it', async () => {
    const created = await as(contributor).post(`${CM}/${POLICY}?locale=vi`).send({ title: 'Chính sách của cộng tác viên', summary: 'Tóm tắt' });
    expect(created.status).toBe(201);
    const documentId = created.body.data.documentId as string;
    const edited = await as(contributor).put(`${CM}/${POLICY}/${documentId}?locale=vi`).send({ title: 'Chính sách đã sửa', summary: 'Tóm tắt' });
    expect(edited.status).toBe(200);
    expect(edited.body.data.title).toBe('Chính sách đã sửa');
    expect((await as(contributor).delete(`${CM}/${POLICY}/${documentId}?locale=vi`)).status).toBe(403);
    expect((await as(contributor).post(`${CM}/${POLICY}/${documentId}/actions/publish?locale=vi`).send({})).status).toBe(403);
    expect(await app.strapi.documents(POLICY).findOne({ documentId, locale: 'vi' } as never)).toMatchObject({ title: 'Chính sách đã sửa' });
  });

  it('neither reads nor edits a policy another contributor wrote', async () => {
    const created = await as(otherContributor).post(`${CM}/${POLICY}?locale=vi`).send({ title: 'Chính sách của người khác', summary: 'Tóm tắt' });
    expect(created.status).toBe(201);
    const documentId = created.body.data.documentId as string;
    expect((await as(contributor).get(`${CM}/${POLICY}/${documentId}?locale=vi`)).status).toBe(403);
    expect((await as(contributor).put(`${CM}/${POLICY}/${documentId}?locale=vi`).send({ title: 'Chiếm quyền' })).status).toBe(403);
    const list = await as(contributor).get(`${CM}/${POLICY}?locale=vi`);
    expect(list.status).toBe(200);
    expect(list.body.results.map((row: { documentId: string }) => row.documentId)).not.toContain(documentId);
    expect(await app.strapi.documents(POLICY).findOne({ documentId, locale: 'vi' } as never)).toMatchObject({ title: 'Chính sách của người khác' });
  });
});

describe('the Directory manager (stock Editor)', () => {
  it('maintains agencies and focal points, work contacts included', async () => {
    const agency = await as(directoryManager).post(`${CM}/${AGENCY}?locale=vi`).send(agencyData());
    expect(agency.status).toBe(201);
    const created = await as(directoryManager)
      .post(`${CM}/${FOCAL_POINT}`)
      .send({ fullName: 'Đầu Mối Mới', agency: agency.body.data.documentId, email: 'moi@laocai.gov.vn', phone: '0214999888' });
    expect(created.status).toBe(201);
    const documentId = created.body.data.documentId as string;
    const updated = await as(directoryManager).put(`${CM}/${FOCAL_POINT}/${documentId}`).send({ phone: '0214999777' });
    expect(updated.status).toBe(200);
    expect(updated.body.data).toMatchObject({ email: 'moi@laocai.gov.vn', phone: '0214999777' });
    expect((await as(directoryManager).delete(`${CM}/${FOCAL_POINT}/${documentId}`)).status).toBe(200);
    expect(await app.strapi.documents(FOCAL_POINT).findOne({ documentId } as never)).toBeNull();
  });

  it('cannot list, read, edit or delete feedback', async () => {
    expect((await as(directoryManager).get(`${CM}/${FEEDBACK}`)).status).toBe(403);
    expect((await as(directoryManager).get(`${CM}/${FEEDBACK}/${feedbackId}`)).status).toBe(403);
    expect((await as(directoryManager).put(`${CM}/${FEEDBACK}/${feedbackId}`).send({ response: 'x' })).status).toBe(403);
    expect((await as(directoryManager).delete(`${CM}/${FEEDBACK}/${feedbackId}`)).status).toBe(403);
  });

  it('reads policies but does not write them', async () => {
    expect((await as(directoryManager).get(`${CM}/${POLICY}?locale=vi`)).status).toBe(200);
    expect((await as(directoryManager).post(`${CM}/${POLICY}?locale=vi`).send({ title: 'x', summary: 'y' })).status).toBe(403);
  });
});

describe('on an existing database', () => {
  beforeAll(async () => {
    // What an older version left behind: an Author without conditions, reading and deleting feedback.
    const author = await roleByCode('strapi-author');
    for (const action of ['plugin::content-manager.explorer.read', 'plugin::content-manager.explorer.delete']) {
      await app.strapi.db.query('admin::permission').create({
        data: { action, subject: FEEDBACK, properties: {}, conditions: [], actionParameters: {}, role: author.id },
      });
    }
    await app.strapi.store.delete({ type: STOCK_ROLES_STORE.type, name: STOCK_ROLES_STORE.name, key: STOCK_ROLES_STORE.key });
    expect((await as(contributor).get(`${CM}/${FEEDBACK}/${feedbackId}`)).status).toBe(200);
    await restart();
  });

  it('repairs over-privileged stock roles once, at boot, and records the version', async () => {
    expect((await as(contributor).get(`${CM}/${FEEDBACK}/${feedbackId}`)).status).toBe(403);
    expect((await as(contributor).delete(`${CM}/${FEEDBACK}/${feedbackId}`)).status).toBe(403);
    expect((await roleByCode('strapi-author')).permissions.filter((permission) => permission.subject === FEEDBACK)).toEqual([]);
    expect(await app.strapi.store.get({ type: STOCK_ROLES_STORE.type, name: STOCK_ROLES_STORE.name, key: STOCK_ROLES_STORE.key })).toBe(STOCK_ROLES_VERSION);
  });

  it('keeps an administrator’s later change in Settings → Roles across a reboot', async () => {
    const superAdmin = asAdmin(app.strapi, await loginAdmin(app.strapi, SUPER_ADMIN.email, SUPER_ADMIN.password));
    const role = await roleByCode('strapi-author');
    const renamed = await superAdmin.put(`/admin/roles/${role.id}`).send({ name: 'Cộng tác viên xã / Commune contributor', description: role.description });
    expect(renamed.status).toBe(200);
    const current = await superAdmin.get(`/admin/roles/${role.id}/permissions`);
    expect(current.status).toBe(200);
    const withoutRadio = (current.body.data as Array<Record<string, unknown>>)
      .filter((permission) => permission.subject !== RADIO_SCRIPT)
      .map(({ action, subject, properties, conditions }) => ({ action, subject, properties, conditions }));
    expect(withoutRadio.length).toBeLessThan(current.body.data.length);
    expect((await superAdmin.put(`/admin/roles/${role.id}/permissions`).send({ permissions: withoutRadio })).status).toBe(200);

    await restart();

    const after = await roleByCode('strapi-author');
    expect(after.name).toBe('Cộng tác viên xã / Commune contributor');
    expect(after.permissions.filter((permission) => permission.subject === RADIO_SCRIPT)).toEqual([]);
    expect(after.permissions).toHaveLength(withoutRadio.length);
    expect((await as(contributor).get(`${CM}/${RADIO_SCRIPT}`)).status).toBe(403);
  });
});
