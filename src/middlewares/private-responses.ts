import type { Next, RequestContext } from '../common/http';

/**
 * Admin answers (citizens' personal data, drafts) and answers to authenticated content-API
 * requests are `private, no-store`: no browser cache on a shared computer and no shared proxy may
 * keep them. Public reads are left to their own caching rules; a route that already chose one
 * (e.g. the CSV export) keeps it.
 */
export default () => async (ctx: RequestContext, next: Next) => {
  await next();
  if (ctx.response.get('Cache-Control')) return;
  const adminRoute = ctx.state.route?.info?.type === 'admin';
  if (adminRoute || ctx.get('authorization')) ctx.set('Cache-Control', 'private, no-store');
};
