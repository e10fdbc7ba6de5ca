import { asAdmin, loginAdmin, SUPER_ADMIN, SUPER_ADMIN_ENV } from '../helpers/admin';
import { startTestApp, type TestApp } from '../helpers/strapi';

let app: TestApp;
let admin: ReturnType<typeof asAdmin>;

beforeAll(async () => {
  app = await startTestApp('admin-layouts', SUPER_ADMIN_ENV);
  admin = asAdmin(app.strapi, await loginAdmin(app.strapi, SUPER_ADMIN.email, SUPER_ADMIN.password));
});

afterAll(async () => {
  await app.stop();
});

const configuration = async (uid: string) => {
  const response = await admin.get(`/content-manager/content-types/${uid}/configuration`);
  expect(response.status).toBe(200);
  return response.body.data.contentType.metadatas as Record<string, { edit: Record<string, unknown>; list: Record<string, unknown> }>;
};

describe('the content manager edit views', () => {
  it('label fields in Vietnamese and English', async () => {
    const policy = await configuration('api::policy.policy');
    expect(policy.summary.edit.label).toBe('Tóm tắt dễ hiểu · Plain-language summary');
    expect(policy.summary.list.label).toBe('Tóm tắt dễ hiểu');
  });

  it('make computed fields read-only and hide internal ones', async () => {
    const script = await configuration('api::radio-script.radio-script');
    expect(script.estimatedSeconds.edit.editable).toBe(false);
    expect(script.audioStatus.edit.editable).toBe(false);
    expect(script.sourceHash.edit.visible).toBe(false);
    const feedback = await configuration('api::feedback.feedback');
    expect(feedback.statusHistory.edit.editable).toBe(false);
    expect(feedback.dedupeKey.edit.visible).toBe(false);
    expect(feedback.disposition.edit.label).toBe('Tiếp thu, giải trình · Disposition');
    expect(feedback.dispositionBy.edit.editable).toBe(false);
  });

  it('keep a label an administrator changed, at the next boot', async () => {
    const response = await admin.get('/content-manager/content-types/api::agency.agency/configuration');
    const { settings, metadatas, layouts } = response.body.data.contentType;
    metadatas.code.edit.label = 'Mã định danh';
    // The admin panel sends list metadata without the relation's mainField (the API refuses it).
    for (const metadata of Object.values(metadatas) as Array<{ list: Record<string, unknown> }>) delete metadata.list.mainField;
    const saved = await admin.put('/content-manager/content-types/api::agency.agency/configuration').send({ settings, metadatas, layouts });
    expect(saved.status).toBe(200);
    const { configureContentManagerLayouts } = await import('../../src/bootstrap/content-manager-layouts');
    await configureContentManagerLayouts(app.strapi);
    expect((await configuration('api::agency.agency')).code.edit.label).toBe('Mã định danh');
  });
});
