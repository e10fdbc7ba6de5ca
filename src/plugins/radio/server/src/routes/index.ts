const authenticated = 'admin::isAuthenticatedAdmin';
const canUse = (action: 'read' | 'update') => ({ name: 'plugin::radio.can-use-scripts', config: { action } });

/** Admin API under `/radio`: each route needs the content-manager permission on radio scripts. */
export default {
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/policies/:documentId/scripts', handler: 'scripts.forPolicy', config: { policies: [authenticated, canUse('read')] } },
      { method: 'GET', path: '/scripts/:documentId/audio', handler: 'scripts.audio', config: { policies: [authenticated, canUse('read')] } },
      {
        method: 'POST',
        path: '/scripts/:documentId/render-audio',
        handler: 'scripts.renderAudio',
        config: { policies: [authenticated, canUse('update')] },
      },
    ],
  },
};
