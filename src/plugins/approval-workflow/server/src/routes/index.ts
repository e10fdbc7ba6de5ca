import { PERMISSIONS } from '../constants';

const authenticated = 'admin::isAuthenticatedAdmin';
const requires = (...actions: string[]) => ({ name: 'admin::hasPermissions', config: { actions } });

/**
 * Admin API, mounted under `/approval-workflow`. Transition and inbox permissions depend on the
 * requested action and on each document, so the services check them; reading a document's stage
 * and history needs `read-history` up front.
 */
export default {
  admin: {
    type: 'admin',
    routes: [
      {
        method: 'GET',
        path: '/documents/:uid/:documentId',
        handler: 'documents.findOne',
        config: { policies: [authenticated, requires(PERMISSIONS.readHistory)] },
      },
      {
        method: 'POST',
        path: '/documents/:uid/:documentId/transitions',
        handler: 'documents.transition',
        config: { policies: [authenticated] },
      },
      {
        method: 'GET',
        path: '/content-types',
        handler: 'content-types.find',
        config: { policies: [authenticated] },
      },
      {
        method: 'GET',
        path: '/inbox',
        handler: 'inbox.find',
        config: { policies: [authenticated] },
      },
    ],
  },
};
