/**
 * Coverage KPIs (README: "Coverage"): public transparency data, no personal data, `auth: false`
 * like the feeds; cached by src/middlewares/public-cache.ts (read cache cleared by the writes the
 * figures are read from, see COVERAGE_DEPENDENCIES).
 */
export default {
  routes: [
    { method: 'GET', path: '/coverage', handler: 'api::coverage.coverage.summary', config: { auth: false } },
    { method: 'GET', path: '/coverage/history', handler: 'api::coverage.coverage.history', config: { auth: false } },
  ],
};
