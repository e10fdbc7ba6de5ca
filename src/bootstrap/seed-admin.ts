import type { Core } from '@strapi/strapi';

type SeedAdmin = { email: string; password: string; firstname: string; lastname: string };

/**
 * Creates a super admin from `seed.admin` (config/seed.ts) when no admin exists yet,
 * so automated deployments and tests need no browser. Safe to run on several nodes at once:
 * Strapi's `createFirstAdmin` serialises on the super admin role row.
 */
export const seedSuperAdmin = async (strapi: Core.Strapi): Promise<void> => {
  const { email, password, firstname, lastname } = strapi.config.get<SeedAdmin>('seed.admin');
  if (!email || !password) return;
  const users = strapi.service('admin::user');
  if (await users.exists()) return;
  try {
    await users.createFirstAdmin({
      email: email.toLowerCase(),
      password,
      firstname,
      lastname,
    });
    strapi.log.info(`[seed] super admin ${email} created`);
  } catch (error) {
    // Another node created the first admin between our check and our insert: nothing to do.
    if (await users.exists()) return;
    throw error;
  }
};
