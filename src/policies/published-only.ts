import { errors } from '@strapi/utils';
import type { Core } from '@strapi/strapi';

type PolicyState = { auth?: { strategy?: { name?: string } } };
type AnyPolicyContext = Core.PolicyContext & {
  state?: PolicyState;
  args?: { status?: string };
};

/** Auth strategy names Strapi gives content-API tokens (renamed across 5.x releases). */
const API_TOKEN_STRATEGIES = new Set(['content-api-token', 'api-token']);

/**
 * Drafts are readable through the content API (REST and GraphQL) only with an API token, for
 * preview front ends; the public and end-user roles see published documents only.
 */
const publishedOnly: Core.PolicyHandler = (policyContext) => {
  const ctx = policyContext as AnyPolicyContext;
  const status = ctx.is('graphql') ? ctx.args?.status : (ctx.request?.query?.status as string | undefined);
  if (status === undefined || status === null || String(status).toLowerCase() === 'published') return true;
  if (API_TOKEN_STRATEGIES.has(ctx.state?.auth?.strategy?.name ?? '')) return true;
  throw new errors.PolicyError('Only published documents can be read without an API token (status=published).', {
    policy: 'published-only',
    param: 'status',
  });
};

export default publishedOnly;
