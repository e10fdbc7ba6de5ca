import { asAdmin, loginAdmin, SUPER_ADMIN, SUPER_ADMIN_ENV } from '../helpers/admin';
import { startTestApp, type TestApp } from '../helpers/strapi';

/**
 * Routes that take a database row id hand it to the database: on PostgreSQL a non-numeric id was a
 * type error and a 500. Every such route answers 400 naming `id`, on both databases.
 */
let app: TestApp;
let admin: ReturnType<typeof asAdmin>;

beforeAll(async () => {
  app = await startTestApp('malformed-ids', SUPER_ADMIN_ENV);
  admin = asAdmin(app.strapi, await loginAdmin(app.strapi, SUPER_ADMIN.email, SUPER_ADMIN.password));
});

afterAll(async () => {
  await app.stop();
});

const MALFORMED = ['abc', '-1', '1.5', '0x10', '01'];

const ROUTES: Array<[string, (id: string) => Promise<{ status: number; body: { error?: { name?: string; message?: string } } }>]> = [
  ['GET /admin/roles/:id', (id) => admin.get(`/admin/roles/${id}`)],
  ['PUT /admin/roles/:id', (id) => admin.put(`/admin/roles/${id}`).send({ name: 'x' })],
  ['GET /admin/roles/:id/permissions', (id) => admin.get(`/admin/roles/${id}/permissions`)],
  ['PUT /admin/roles/:id/permissions', (id) => admin.put(`/admin/roles/${id}/permissions`).send({ permissions: [] })],
  ['DELETE /admin/roles/:id', (id) => admin.delete(`/admin/roles/${id}`)],
  ['GET /admin/users/:id', (id) => admin.get(`/admin/users/${id}`)],
  ['PUT /admin/users/:id', (id) => admin.put(`/admin/users/${id}`).send({ firstname: 'x' })],
  ['DELETE /admin/users/:id', (id) => admin.delete(`/admin/users/${id}`)],
  ['GET /admin/api-tokens/:id', (id) => admin.get(`/admin/api-tokens/${id}`)],
  ['DELETE /admin/api-tokens/:id', (id) => admin.delete(`/admin/api-tokens/${id}`)],
  ['GET /admin/webhooks/:id', (id) => admin.get(`/admin/webhooks/${id}`)],
  ['POST /admin/webhooks/:id/trigger', (id) => admin.post(`/admin/webhooks/${id}/trigger`)],
  ['GET /upload/files/:id', (id) => admin.get(`/upload/files/${id}`)],
  ['DELETE /upload/files/:id', (id) => admin.delete(`/upload/files/${id}`)],
  ['POST /upload?id=', (id) => admin.post(`/upload?id=${id}`).send({})],
];

describe('a malformed row id is a 400 naming it, never a 500', () => {
  it.each(ROUTES)('%s', async (_label, call) => {
    for (const id of MALFORMED) {
      const response = await call(encodeURIComponent(id));
      expect({ id, status: response.status }).toEqual({ id, status: 400 });
      expect(response.body.error?.message).toMatch(/^id \(in the (path|query string)\) must be a positive whole number/);
    }
  });

  it('leaves a well-formed id that matches nothing to the route (404)', async () => {
    expect((await admin.get('/admin/roles/999999')).status).toBe(404);
    expect((await admin.get('/upload/files/999999')).status).toBe(404);
  });
});
