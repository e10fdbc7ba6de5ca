import { SUPER_ADMIN_ENV } from '../helpers/admin';
import { startTestApp, type TestApp } from '../helpers/strapi';
let app: TestApp;
beforeAll(async () => { app = await startTestApp('dbg', SUPER_ADMIN_ENV); });
afterAll(async () => { await app?.stop(); });
it('dbg', async () => {
  const role = await app.strapi.db.query('admin::role').findOne({ where: { code: 'approval-workflow-leader' }, populate: ['permissions'] });
  console.log(JSON.stringify(role.permissions.map((p: any) => [p.action, p.subject, p.properties]), null, 0));
});
