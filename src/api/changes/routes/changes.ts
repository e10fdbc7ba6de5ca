/**
 * The public change feed (README: "Change feed"): what happened to published documents, in commit
 * order, for integrators that pull incrementally. `auth: false` like the feeds: anyone may read it,
 * and it lists only content types the Public role may read; HTTP caching by
 * src/middlewares/public-cache.ts.
 */
export default {
  routes: [{ method: 'GET', path: '/changes', handler: 'api::changes.changes.list', config: { auth: false } }],
};
