import type { Core } from '@strapi/strapi';

type AdvancedSettings = Record<string, unknown> & { allow_register?: boolean };

const ROLE_UID = 'plugin::users-permissions.role';
const PERMISSION_UID = 'plugin::users-permissions.permission';
const REGISTER_ACTION = 'plugin::users-permissions.auth.register';

/**
 * Nothing in the product uses end-user accounts, so public self-registration
 * (`POST /api/auth/local/register`, GraphQL `register`) is off unless `USERS_REGISTRATION_ENABLED=true`:
 * the public role loses the permission (403) and the plugin's own switch is off. Set at every boot,
 * like the public permissions: the environment, not a toggle in the admin, decides.
 */
export const syncEndUserRegistration = async (strapi: Core.Strapi): Promise<void> => {
  if (!strapi.plugin('users-permissions')) return;
  const allow = strapi.config.get<boolean>('security.usersRegistrationEnabled', false);
  const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
  const advanced = ((await store.get({ key: 'advanced' })) ?? {}) as AdvancedSettings;
  if (advanced.allow_register !== allow) await store.set({ key: 'advanced', value: { ...advanced, allow_register: allow } });

  const role = (await strapi.db.query(ROLE_UID).findOne({ where: { type: 'public' } })) as { id: number } | null;
  if (!role) return;
  const granted = await strapi.db.query(PERMISSION_UID).findOne({ where: { role: role.id, action: REGISTER_ACTION } });
  if (allow && !granted) await strapi.db.query(PERMISSION_UID).create({ data: { action: REGISTER_ACTION, role: role.id } });
  if (!allow && granted) await strapi.db.query(PERMISSION_UID).deleteMany({ where: { role: role.id, action: REGISTER_ACTION } });
};

/** GraphQL's `register` mutation gets the same switch, as a policy (it is declared without auth). */
export const guardGraphqlRegistration = (strapi: Core.Strapi): void => {
  strapi
    .plugin('graphql')
    ?.service('extension')
    .use(() => ({ resolversConfig: { 'Mutation.register': { policies: ['global::registration-enabled'] } } }));
};
