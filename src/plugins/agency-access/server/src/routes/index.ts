import { ACTIONS } from '../constants';

const manage = { policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [ACTIONS.manage] } }] };

/** Admin API, under /agency-access. No content-API route: membership is never public. */
export default {
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/me', handler: 'members.me', config: { policies: ['admin::isAuthenticatedAdmin'] } },
      { method: 'GET', path: '/agencies/:documentId/members', handler: 'members.find', config: manage },
      { method: 'PUT', path: '/agencies/:documentId/members', handler: 'members.update', config: manage },
    ],
  },
};
