// What each read case sends. The list cycles through 20 pages and the single document through 100
// policies spread over the whole table, so a case measures more than one cached answer.
const crypto = require('crypto');

const POPULATE = 'populate[0]=leadAgency&populate[1]=audiences';
const GRAPHQL_LIST = `{ policies(pagination: { pageSize: 25 }, sort: "publishedAt:desc") {
  documentId title slug summary stage publishedAt leadAgency { documentId name code } audiences { documentId name slug } } }`;

/** The documentId bulk-seed.js gives bulk policy number `g` (1-based). */
const bulkDocumentId = (g) => `bench${g.toString(16).padStart(8, '0')}${crypto.createHash('md5').update(`bench-${g}`).digest('hex').slice(0, 11)}`;

const listPaths = () => Array.from({ length: 20 }, (_, i) => `/api/policies?${POPULATE}&sort=publishedAt:desc&pagination[page]=${i + 1}`);
const singlePaths = (policies) => Array.from({ length: 100 }, (_, i) => `/api/policies/${bulkDocumentId(1 + Math.floor((i * policies) / 100))}?${POPULATE}`);
const get = (path, headers = {}) => ({ method: 'GET', path, headers });

/** The same single-document requests with If-None-Match set to the tag `baseUrl` answers for each. */
const revalidations = async (baseUrl, policies) =>
  Promise.all(
    singlePaths(policies).map(async (path) => {
      const etag = (await fetch(`${baseUrl}${path}`)).headers.get('etag');
      if (!etag) throw new Error(`no ETag on ${path}`);
      return get(path, { 'if-none-match': etag });
    }),
  );

/**
 * The read cases, in table order: `build(baseUrl)` makes the requests, `expected` the statuses that
 * count as answers, `appOnly` cases have no baseline, `optional` ones are "n/a" when the route is 404.
 */
const readCases = (policies) => [
  { name: 'list 25 + populate', build: async () => listPaths().map((path) => get(path)) },
  { name: 'single + populate', build: async () => singlePaths(policies).map((path) => get(path)) },
  { name: 'single If-None-Match', build: (baseUrl) => revalidations(baseUrl, policies), expected: [304] },
  { name: '/api/changes', appOnly: true, optional: '/api/changes', build: async () => [get('/api/changes')] },
  {
    name: 'GraphQL list 25',
    appOnly: true,
    build: async () => [{ method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: GRAPHQL_LIST }) }],
  },
  { name: 'Atom feed vi', appOnly: true, build: async () => [get('/api/feeds/policies.atom?locale=vi')] },
];

module.exports = { bulkDocumentId, listPaths, readCases, singlePaths };
