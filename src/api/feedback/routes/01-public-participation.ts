/**
 * The public's doors to feedback: the web intake, tracking, the public answers, and the Zalo OA
 * webhook (citizens' messages that start with a short code). They are `auth: false` routes, not users-permissions grants: the
 * public role keeps no feedback action at all (see src/bootstrap/public-permissions.ts), so the
 * core `find`/`findOne` stay refused. This file sorts before `feedback.ts` so that
 * `/feedbacks/public` is matched before the core `/feedbacks/:id`.
 */
const rateLimit = (bucket: 'intake' | 'track') => ({ name: 'api::feedback.rate-limit', config: { bucket } });

export default {
  routes: [
    {
      method: 'POST',
      path: '/feedbacks',
      handler: 'api::feedback.feedback.submit',
      config: { auth: false, middlewares: [rateLimit('intake')] },
    },
    {
      method: 'GET',
      path: '/feedbacks/track/:trackingCode',
      handler: 'api::feedback.feedback.track',
      config: { auth: false, middlewares: [rateLimit('track')] },
    },
    {
      method: 'GET',
      path: '/feedbacks/public',
      handler: 'api::feedback.feedback.publicList',
      config: { auth: false },
    },
    // Zalo's servers hold no token: every request is signed instead (see zalo-validation.ts).
    {
      method: 'POST',
      path: '/zalo/webhook',
      handler: 'api::feedback.zalo.receive',
      config: { auth: false },
    },
  ],
};
