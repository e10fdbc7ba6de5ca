const authenticated = 'admin::isAuthenticatedAdmin';

/** Admin API under `/radio`; each handler checks the content-manager permission on radio scripts. */
export default {
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/policies/:documentId/scripts', handler: 'scripts.forPolicy', config: { policies: [authenticated] } },
      { method: 'GET', path: '/scripts/:documentId/audio', handler: 'scripts.audio', config: { policies: [authenticated] } },
      { method: 'POST', path: '/scripts/:documentId/render-audio', handler: 'scripts.renderAudio', config: { policies: [authenticated] } },
    ],
  },
};
