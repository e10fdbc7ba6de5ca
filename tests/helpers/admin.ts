import type { Core } from '@strapi/strapi';
import request from 'supertest';

export const SUPER_ADMIN = { email: 'admin@test.gov.vn', password: 'Admin-Passw0rd!' } as const;

/** Env for `startTestApp` that makes the boot create the super admin above. */
export const SUPER_ADMIN_ENV = { SEED_ADMIN_EMAIL: SUPER_ADMIN.email, SEED_ADMIN_PASSWORD: SUPER_ADMIN.password };

/** Logs in through the admin API (the door the admin panel uses) and returns the bearer token. */
export const loginAdmin = async (strapi: Core.Strapi, email: string, password: string): Promise<string> => {
  const response = await request(strapi.server.httpServer).post('/admin/login').send({ email, password });
  if (response.status !== 200) {
    throw new Error(`admin login for ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body.data.token as string;
};

/**
 * Creates an active admin user with the given admin role codes (e.g. `strapi-editor`, or the
 * codes a plugin creates) and returns its id and a logged-in token.
 */
export const createAdminUser = async (
  strapi: Core.Strapi,
  { email, password = 'User-Passw0rd!', firstname = 'Test', lastname = 'User', roleCodes }: {
    email: string;
    password?: string;
    firstname?: string;
    lastname?: string;
    roleCodes: string[];
  },
): Promise<{ id: number; email: string; token: string }> => {
  const roles = (await strapi.db.query('admin::role').findMany({ where: { code: { $in: roleCodes } } })) as Array<{ id: number }>;
  if (roles.length !== roleCodes.length) throw new Error(`unknown admin role among ${roleCodes.join(', ')}`);
  const user = await strapi.service('admin::user').create({
    email,
    password,
    firstname,
    lastname,
    isActive: true,
    registrationToken: null,
    roles: roles.map((role) => role.id),
  });
  return { id: user.id as number, email, token: await loginAdmin(strapi, email, password) };
};

/** A supertest request with the admin bearer token set. */
export const asAdmin = (strapi: Core.Strapi, token: string) => {
  const agent = request(strapi.server.httpServer);
  const withToken = (test: request.Test) => test.set('Authorization', `Bearer ${token}`);
  return {
    get: (url: string) => withToken(agent.get(url)),
    post: (url: string) => withToken(agent.post(url)),
    put: (url: string) => withToken(agent.put(url)),
    delete: (url: string) => withToken(agent.delete(url)),
  };
};
