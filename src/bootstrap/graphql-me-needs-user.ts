import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

type ResolverContext = { state?: { user?: unknown } };
type Next = (parent: unknown, args: unknown, context: ResolverContext, info: unknown) => unknown;

/**
 * `me` asked with an API token (which has no user) threw a plain error in users-permissions'
 * resolver: a 500. This refuses it first (FORBIDDEN), as for anyone without a signed-in user.
 */
export const registerGraphqlMeNeedsUser = (strapi: Core.Strapi): void => {
  const graphql = strapi.plugin('graphql');
  if (!graphql) return;
  const requireUser = async (next: Next, parent: unknown, args: unknown, context: ResolverContext, info: unknown) => {
    if (!context.state?.user) throw new errors.ForbiddenError();
    return next(parent, args, context, info);
  };
  graphql.service('extension').use(() => ({ resolversConfig: { 'Query.me': { middlewares: [requireUser] } } }));
};
