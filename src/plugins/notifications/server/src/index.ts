import bootstrap from './bootstrap';
import config from './config';
import contentTypes from './content-types';
import controllers from './controllers';
import destroy from './destroy';
import register from './register';
import routes from './routes';
import services from './services';

/**
 * Notifications: one durable outbox for messages to people (e-mail now). The app enqueues through
 * the kernel's `notifications(strapi)` (src/common/notifications.ts) in the transaction of the
 * business change; the worker sends with retries; super admins read the outbox.
 */
export default {
  register,
  bootstrap,
  destroy,
  config,
  contentTypes,
  controllers,
  routes,
  services,
};
