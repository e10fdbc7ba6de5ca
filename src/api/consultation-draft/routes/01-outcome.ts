/**
 * The public outcome of a consultation (counts, the signed report, how each comment was taken in).
 * An `auth: false` route like the feedback's public doors (src/api/feedback/routes/01-public-participation.ts):
 * everyone may read it, a token adds nothing, and no role's grant can open or close it. This file sorts
 * before `consultation-draft.ts` so the path is matched before the core `/consultation-drafts/:id`.
 */
export default {
  routes: [
    {
      method: 'GET',
      path: '/consultation-drafts/:documentId/outcome',
      handler: 'api::consultation-draft.consultation-draft.outcome',
      config: { auth: false },
    },
  ],
};
