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

type Memberships = { setMembers: (agencyDocumentId: string, userIds: number[]) => Promise<unknown> };

/** Demo accounts beyond the editorial roles: the coordinator, and an editor of another agency (scoping shows). */
export const DEMO_AGENCY_USERS = [
  { email: 'coordinator@laocai.gov.vn', password: 'Coordinator-Demo-2025', firstname: 'Thảo', lastname: 'Đỗ Phương', roleCode: 'agency-coordinator', agencies: [] },
  { email: 'editor.taichinh@laocai.gov.vn', password: 'Finance-Editor-2025', firstname: 'Dũng', lastname: 'Phạm Tiến', roleCode: 'approval-workflow-editor', agencies: ['SO-TC'] },
] as const;

/** The demo editorial accounts' agencies: the departments whose demo policies wait for them. */
const DEMO_EDITORIAL_AGENCIES: Record<string, string[]> = {
  'editor@laocai.gov.vn': ['SO-VHTTDL', 'SO-GDDT', 'SO-YT'],
  'reviewer@laocai.gov.vn': ['SO-VHTTDL', 'SO-GDDT', 'SO-YT'],
  'leader@laocai.gov.vn': ['SO-VHTTDL', 'SO-GDDT', 'SO-YT'],
};

/**
 * Creates the coordinator and second-agency demo accounts and puts the demo accounts in their
 * agencies (the agencies must exist). Does nothing when the agency-access plugin is disabled.
 */
export const seedDemoAgencyAccess = async (strapi: Core.Strapi): Promise<void> => {
  const memberships = strapi.plugin('agency-access')?.service('memberships') as Memberships | undefined;
  if (!memberships) return;
  for (const demo of DEMO_AGENCY_USERS) {
    if (await strapi.db.query('admin::user').findOne({ where: { email: demo.email } })) continue;
    const role = (await strapi.db.query('admin::role').findOne({ where: { code: demo.roleCode } })) as { id: number } | null;
    if (!role) continue;
    await strapi.service('admin::user').create({
      email: demo.email,
      password: demo.password,
      firstname: demo.firstname,
      lastname: demo.lastname,
      isActive: true,
      registrationToken: null,
      roles: [role.id],
    });
    strapi.log.info(`[seed] demo ${demo.roleCode}: ${demo.email} / ${demo.password}`);
  }
  const byAgency = new Map<string, number[]>();
  const assignments: Array<[string, readonly string[]]> = [
    ...Object.entries(DEMO_EDITORIAL_AGENCIES),
    ...DEMO_AGENCY_USERS.map((demo): [string, readonly string[]] => [demo.email, demo.agencies]),
  ];
  for (const [email, codes] of assignments) {
    const user = (await strapi.db.query('admin::user').findOne({ where: { email }, select: ['id'] })) as { id: number } | null;
    if (!user) continue;
    for (const code of codes) byAgency.set(code, [...(byAgency.get(code) ?? []), user.id]);
  }
  for (const [code, userIds] of byAgency) {
    const agency = (await strapi.db.query('api::agency.agency').findOne({ where: { code }, select: ['documentId'] })) as { documentId: string } | null;
    if (agency) await memberships.setMembers(agency.documentId, userIds);
  }
};
