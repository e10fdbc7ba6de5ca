import type { Core } from '@strapi/strapi';

/**
 * What the app creates by itself at boot (src/seed, src/bootstrap/seed-admin.ts). Every value has a
 * default, so a fresh clone needs no variable; `.env.example` lists them.
 */
const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  /** Demo data and demo accounts on the first boot of an empty database, in development only. */
  demo: env.bool('SEED_DEMO', true),
  /** A super admin created when no admin exists yet (any environment); both email and password are needed. */
  admin: {
    email: env('SEED_ADMIN_EMAIL', ''),
    password: env('SEED_ADMIN_PASSWORD', ''),
    firstname: env('SEED_ADMIN_FIRSTNAME', 'Quản trị'),
    lastname: env('SEED_ADMIN_LASTNAME', 'Hệ thống'),
  },
});

export default config;
