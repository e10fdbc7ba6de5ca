import { ACTIONS } from '../constants';

/**
 * Admin API, under /notifications: reading the outbox (it is written by the app's business changes
 * and by the worker), and each admin's own preferences (any authenticated admin, any role: a user
 * only ever reads and changes their own row). No content-API route.
 */
export default {
  admin: {
    type: 'admin',
    routes: [
      {
        method: 'GET',
        path: '/messages',
        handler: 'messages.find',
        config: { policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [ACTIONS.read] } }] },
      },
      { method: 'GET', path: '/preferences', handler: 'preferences.find', config: { policies: ['admin::isAuthenticatedAdmin'] } },
      { method: 'PUT', path: '/preferences', handler: 'preferences.update', config: { policies: ['admin::isAuthenticatedAdmin'] } },
    ],
  },
};
