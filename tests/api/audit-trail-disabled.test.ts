import { asAdmin, loginAdmin, SUPER_ADMIN, SUPER_ADMIN_ENV } from '../helpers/admin';
import { createConsultationDraft } from '../helpers/approval-workflow';
import { FEEDBACK_UID } from '../helpers/feedback';
import { startTestApp, type TestApp } from '../helpers/strapi';

let app: TestApp;
let token: string;

beforeAll(async () => {
  app = await startTestApp('audit_disabled', { ...SUPER_ADMIN_ENV, AUDIT_TRAIL_ENABLED: 'false' });
  token = await loginAdmin(app.strapi, SUPER_ADMIN.email, SUPER_ADMIN.password);
});

afterAll(async () => {
  await app?.stop();
  delete process.env.AUDIT_TRAIL_ENABLED;
});

describe('with the audit-trail plugin disabled in config/plugins.ts', () => {
  it('the app boots, its admin API is absent and its table is not created', async () => {
    expect(app.strapi.plugin('audit-trail')).toBeUndefined();
    expect((await asAdmin(app.strapi, token).get('/audit-trail/entries')).status).toBe(404);
    expect(await app.strapi.db.connection.schema.hasTable('audit_trail_entries')).toBe(false);
  });

  it('the actions that would be recorded still work: an export with personal data, a feedback deletion', async () => {
    const draft = await createConsultationDraft(app.strapi);
    const feedback = (await app.strapi.documents(FEEDBACK_UID as never).create({
      data: { consultationDraft: draft, submitterType: 'citizen', content: 'Góp ý', category: 'comment', email: 'dan@example.vn' },
    } as never)) as { documentId: string };
    const exported = await asAdmin(app.strapi, token).get(`/feedback-export/consultation-drafts/${draft}.csv`);
    expect(exported.status).toBe(200);
    expect(exported.text).toContain('dan@example.vn');
    const deleted = await asAdmin(app.strapi, token).delete(`/content-manager/collection-types/${FEEDBACK_UID}/${feedback.documentId}`);
    expect(deleted.status).toBe(200);
  });
});
