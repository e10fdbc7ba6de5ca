import type { Core } from '@strapi/strapi';

type AdvancedSettings = Record<string, unknown> & { allow_register?: boolean };

/**
 * Nothing in the product uses end-user accounts, so public self-registration
 * (`POST /api/auth/local/register`) is off unless `USERS_REGISTRATION_ENABLED=true`. Set at every
 * boot, like the public permissions: the environment, not a toggle in the admin, decides.
 */
export const syncEndUserRegistration = async (strapi: Core.Strapi): Promise<void> => {
  if (!strapi.plugin('users-permissions')) return;
  const allow = strapi.config.get<boolean>('security.usersRegistrationEnabled', false);
  const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
  const advanced = ((await store.get({ key: 'advanced' })) ?? {}) as AdvancedSettings;
  if (advanced.allow_register === allow) return;
  await store.set({ key: 'advanced', value: { ...advanced, allow_register: allow } });
};
