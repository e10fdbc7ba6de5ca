import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Next, RequestContext } from '../common/http';


/**
 * With Secure admin cookies (production), the admin's session routes refuse plain HTTP with a
 * clear 403 instead of failing deep in Koa ("Cannot send secure cookie over unencrypted
 * connection", a 500). Behind a TLS proxy, `PROXY=true` lets Koa see the request as HTTPS.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const secureCookies = strapi.config.get<boolean | undefined>('admin.auth.cookie.secure') === true;
  return async (ctx: RequestContext, next: Next) => {
    if (secureCookies && !ctx.secure && ctx.method === 'POST' && ctx.path.toLowerCase().startsWith('/admin/')) {
      throw new errors.ForbiddenError('The admin is served over HTTPS only: reach it through the TLS proxy (the server needs PROXY=true behind it)');
    }
    return next();
  };
};
