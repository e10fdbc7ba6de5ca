import type { Core } from '@strapi/strapi';
import { DEMO_USERS, PLUGIN_ID, ROLES } from '../constants';

export type DemoUser = { email: string; password: string; role: string; created: boolean };

/** Demo admin accounts, one per editorial role, for the development seed (never in production). */
const demoUsers = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Creates the missing demo users and returns all of them with their passwords, so the seed can
   * print them. Idempotent: an existing account is left untouched (password included).
   */
  async ensureDemoUsers(): Promise<DemoUser[]> {
    // The environment Strapi booted with (its config), not the process's variables of the moment.
    if (strapi.config.get('environment') === 'production') {
      throw new Error(`[${PLUGIN_ID}] demo users are for development only; refusing to create them in production`);
    }
    const users: DemoUser[] = [];
    for (const demo of DEMO_USERS) {
      const role = (await strapi.db.query('admin::role').findOne({ where: { code: ROLES[demo.role].code } })) as { id: number } | null;
      if (!role) throw new Error(`[${PLUGIN_ID}] role ${ROLES[demo.role].code} is missing; it is created at bootstrap`);
      const existing = await strapi.db.query('admin::user').findOne({ where: { email: demo.email } });
      if (!existing) {
        await strapi.service('admin::user').create({
          email: demo.email,
          password: demo.password,
          firstname: demo.firstname,
          lastname: demo.lastname,
          isActive: true,
          registrationToken: null,
          roles: [role.id],
        });
      }
      users.push({ email: demo.email, password: demo.password, role: ROLES[demo.role].name, created: !existing });
    }
    return users;
  },
});

export default demoUsers;
