/**
 * The API's description, public: the OpenAPI document and a page that shows it (Swagger UI, whose
 * files are served from node_modules by this server: no outside network, no CDN).
 */
export default {
  routes: [
    { method: 'GET', path: '/openapi.json', handler: 'api::openapi.openapi.document', config: { auth: false } },
    { method: 'GET', path: '/docs', handler: 'api::openapi.openapi.page', config: { auth: false } },
    { method: 'GET', path: '/docs/:asset', handler: 'api::openapi.openapi.asset', config: { auth: false } },
  ],
};
