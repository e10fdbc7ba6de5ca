import bootstrap from './bootstrap';
import contentTypes from './content-types';
import controllers from './controllers';
import register from './register';
import routes from './routes';
import services from './services';

/**
 * Audit trail: who did which sensitive action (exports of personal data, force-approvals, delivery
 * retries, admin role changes, feedback deletions), when, on what and from where. Callers record
 * through the kernel's `auditTrail(strapi)` (src/common/audit.ts); super admins read the entries.
 */
export default {
  register,
  bootstrap,
  contentTypes,
  controllers,
  routes,
  services,
};
