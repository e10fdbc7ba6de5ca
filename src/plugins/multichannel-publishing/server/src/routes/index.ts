import { ACTIONS } from '../constants';

const guard = (action: string) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }],
});

/** Admin API, under /multichannel-publishing. There are no content-API routes. */
export default {
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/deliveries', handler: 'deliveries.find', config: guard(ACTIONS.read) },
      { method: 'POST', path: '/deliveries/retry', handler: 'deliveries.retryMany', config: guard(ACTIONS.retry) },
      { method: 'POST', path: '/deliveries/:id/retry', handler: 'deliveries.retry', config: guard(ACTIONS.retry) },
      { method: 'GET', path: '/channels', handler: 'channels.find', config: guard(ACTIONS.read) },
      { method: 'POST', path: '/broadcasts', handler: 'broadcasts.create', config: guard(ACTIONS.broadcast) },
      { method: 'GET', path: '/broadcasts/budget', handler: 'broadcasts.budget', config: guard(ACTIONS.read) },
    ],
  },
};
