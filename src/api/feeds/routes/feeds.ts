/**
 * Public feeds of published content (README: "Feeds"): the newest policies, and the consultation
 * drafts open now, as Atom and JSON Feed. `auth: false` routes: anyone reads them, like the
 * published documents they list; HTTP caching by src/middlewares/public-cache.ts.
 */
const feed = (path: string, handler: string) => ({
  method: 'GET',
  path: `/feeds/${path}`,
  handler: `api::feeds.feeds.${handler}`,
  config: { auth: false },
});

export default {
  routes: [
    feed('policies.atom', 'policiesAtom'),
    feed('policies.json', 'policiesJson'),
    feed('consultation-drafts.atom', 'consultationDraftsAtom'),
    feed('consultation-drafts.json', 'consultationDraftsJson'),
  ],
};
