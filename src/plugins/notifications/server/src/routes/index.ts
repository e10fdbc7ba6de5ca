import { ACTIONS } from '../constants';

/**
 * Admin API, under /notifications: reading only (the outbox is written by the app's business
 * changes and by the worker). No content-API route.
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
    ],
  },
};
