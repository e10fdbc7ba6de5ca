import { errors } from '@strapi/utils';
import type { Core } from '@strapi/strapi';

type PolicyState = { auth?: { strategy?: { name?: string } } };
type PublicationArgs = { status?: string; publicationFilter?: unknown; hasPublishedVersion?: unknown };
type AnyPolicyContext = Core.PolicyContext & {
  state?: PolicyState;
  args?: PublicationArgs;
};

/** Auth strategy names Strapi gives content-API tokens (renamed across 5.x releases). */
const API_TOKEN_STRATEGIES = new Set(['content-api-token', 'api-token']);

/**
 * Drafts are readable through the content API (REST and GraphQL) only with an API token, for
 * preview front ends; the public and end-user roles see published documents only.
 */
/**
 * `publicationFilter` and `hasPublishedVersion` select published documents by the state of their
 * drafts (modified since publication, never published…): the public could count drafts with them.
 */
const DRAFT_REVEALING_PARAMS = ['publicationFilter', 'hasPublishedVersion'] as const;

const publishedOnly: Core.PolicyHandler = (policyContext) => {
  const ctx = policyContext as AnyPolicyContext;
  const args = (ctx.is('graphql') ? ctx.args : ctx.request?.query) as PublicationArgs | undefined;
  if (API_TOKEN_STRATEGIES.has(ctx.state?.auth?.strategy?.name ?? '')) return true;
  const status = args?.status;
  if (status !== undefined && status !== null && String(status).toLowerCase() !== 'published') {
    throw new errors.PolicyError('Only published documents can be read without an API token (status=published).', {
      policy: 'published-only',
      param: 'status',
    });
  }
  const revealing = DRAFT_REVEALING_PARAMS.find((param) => args?.[param] !== undefined && args?.[param] !== null);
  if (revealing) {
    throw new errors.PolicyError(`${revealing} needs an API token: it selects documents by the state of their drafts.`, {
      policy: 'published-only',
      param: revealing,
    });
  }
  return true;
};

export default publishedOnly;
