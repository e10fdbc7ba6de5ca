import { errors } from '@strapi/utils';
import type { Core } from '@strapi/strapi';

type PolicyState = { auth?: { strategy?: { name?: string } } };
type AnyPolicyContext = Core.PolicyContext & {
  state?: PolicyState;
  args?: { status?: string };
};

/**
 * Drafts are readable through the content API (REST and GraphQL) only with an API token, for
 * preview front ends; the public and end-user roles see published documents only.
 */
const publishedOnly: Core.PolicyHandler = (policyContext) => {
  const ctx = policyContext as AnyPolicyContext;
  const status = ctx.is('graphql') ? ctx.args?.status : (ctx.request?.query?.status as string | undefined);
  if (status === undefined || status === null || String(status).toLowerCase() === 'published') return true;
  if (ctx.state?.auth?.strategy?.name === 'api-token') return true;
  throw new errors.PolicyError('Only published documents can be read without an API token (status=published).', {
    policy: 'published-only',
    param: 'status',
  });
};

export default publishedOnly;
