import type { Core } from '@strapi/strapi';

/** Development-only demo accounts; the passwords are published in the README, never use them elsewhere. */
export const DEMO_SUPER_ADMIN = {
  email: 'admin@laocai.gov.vn',
  password: 'Demo-Admin-2026!',
  firstname: 'Quản trị',
  lastname: 'Hệ thống',
} as const;

/**
 * Creates the demo super admin when no admin exists, so a newcomer can log in right after
 * `npm run develop` (the demo role accounts would otherwise hide Strapi's first-admin form).
 */
export const seedDemoSuperAdmin = async (strapi: Core.Strapi): Promise<void> => {
  const users = strapi.service('admin::user');
  if (await users.exists()) return;
  await users.createFirstAdmin({ ...DEMO_SUPER_ADMIN, email: DEMO_SUPER_ADMIN.email });
  strapi.log.info(`[seed] demo super admin: ${DEMO_SUPER_ADMIN.email} / ${DEMO_SUPER_ADMIN.password}`);
};

type DemoUsers = { ensureDemoUsers: () => Promise<Array<{ email: string; password: string; role: string; created: boolean }>> };

/** One demo account per editorial role (Editor, Reviewer, Leader), from the approval-workflow plugin when enabled. */
export const seedDemoEditorialUsers = async (strapi: Core.Strapi): Promise<void> => {
  const demo = strapi.plugin('approval-workflow')?.service('demo-users') as DemoUsers | undefined;
  if (!demo) return;
  for (const user of await demo.ensureDemoUsers()) {
    if (user.created) strapi.log.info(`[seed] demo ${user.role}: ${user.email} / ${user.password}`);
  }
};
