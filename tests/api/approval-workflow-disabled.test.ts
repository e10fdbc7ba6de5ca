import { asAdmin, loginAdmin, SUPER_ADMIN, SUPER_ADMIN_ENV } from '../helpers/admin';
import { createPolicyDraft, POLICY } from '../helpers/approval-workflow';
import { startTestApp, type TestApp } from '../helpers/strapi';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp('aw_disabled', { ...SUPER_ADMIN_ENV, APPROVAL_WORKFLOW_ENABLED: 'false' });
});

afterAll(async () => {
  await app?.stop();
  delete process.env.APPROVAL_WORKFLOW_ENABLED;
});

describe('with the approval-workflow plugin disabled in config/plugins.ts', () => {
  it('the app boots and publishes without any approval', async () => {
    expect(app.strapi.plugin('approval-workflow')).toBeUndefined();
    const documentId = await createPolicyDraft(app.strapi);
    await app.strapi.documents(POLICY as never).publish({ documentId, locale: 'vi' } as never);
    const published = await app.strapi.db.query(POLICY as never).count({ where: { documentId, publishedAt: { $notNull: true } } });
    expect(published).toBe(1);
  });

  it('the admin API of the plugin is simply absent', async () => {
    const token = await loginAdmin(app.strapi, SUPER_ADMIN.email, SUPER_ADMIN.password);
    const response = await asAdmin(app.strapi, token).get('/approval-workflow/inbox');
    expect(response.status).toBe(404);
  });
});
