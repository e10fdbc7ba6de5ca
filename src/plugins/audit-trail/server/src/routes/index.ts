import { ACTIONS } from '../constants';

/**
 * Admin API, under /audit-trail: reading only. There is no route that creates, updates or deletes
 * an entry, and no content-API route.
 */
export default {
  admin: {
    type: 'admin',
    routes: [
      {
        method: 'GET',
        path: '/entries',
        handler: 'entries.find',
        config: { policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [ACTIONS.read] } }] },
      },
    ],
  },
};
