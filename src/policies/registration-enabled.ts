import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/**
 * GraphQL's `register` mutation is declared without auth, so it skips the public role's permissions:
 * this policy gives it the same switch as REST (`USERS_REGISTRATION_ENABLED`, off by default).
 */
const registrationEnabled: Core.PolicyHandler = (_context, _config, { strapi }) => {
  if (strapi.config.get<boolean>('security.usersRegistrationEnabled', false)) return true;
  throw new errors.PolicyError('Self-registration of end-user accounts is turned off', { policy: 'registration-enabled' });
};

export default registrationEnabled;
