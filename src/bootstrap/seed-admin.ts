import type { Core } from '@strapi/strapi';

/**
 * Creates a super admin from `SEED_ADMIN_EMAIL` / `SEED_ADMIN_PASSWORD` when no admin exists yet,
 * so automated deployments and tests need no browser. Safe to run on several nodes at once:
 * Strapi's `createFirstAdmin` serialises on the super admin role row.
 */
export const seedSuperAdmin = async (strapi: Core.Strapi): Promise<void> => {
  const email = process.env.SEED_ADMIN_EMAIL;
  const password = process.env.SEED_ADMIN_PASSWORD;
  if (!email || !password) return;
  const users = strapi.service('admin::user');
  if (await users.exists()) return;
  try {
    await users.createFirstAdmin({
      email: email.toLowerCase(),
      password,
      firstname: process.env.SEED_ADMIN_FIRSTNAME ?? 'Quản trị',
      lastname: process.env.SEED_ADMIN_LASTNAME ?? 'Hệ thống',
    });
    strapi.log.info(`[seed] super admin ${email} created`);
  } catch (error) {
    // Another node created the first admin between our check and our insert: nothing to do.
    if (await users.exists()) return;
    throw error;
  }
};
