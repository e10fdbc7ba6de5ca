import { GraphQLError, type ASTNode } from 'graphql';

type Details = Record<string, unknown>;

/**
 * A GraphQL request error that Apollo answers with `status` before anything runs. The extensions
 * mirror what Strapi's formatGraphqlError gives its own errors (`code`, `error: { name, message,
 * details }`), so clients read guard refusals like any other; `http` is consumed by Apollo.
 */
const requestError = (status: number, code: string, name: string, message: string, details: Details, nodes?: readonly ASTNode[]) =>
  new GraphQLError(message, {
    nodes,
    extensions: { code, error: { name, message, details }, http: { status } },
  });

/** 400 for a document graphql would refuse anyway, but only after a validation rule that cannot cope with it. */
export const invalidDocument = (message: string, details: Details, nodes?: readonly ASTNode[]) =>
  requestError(400, 'GRAPHQL_VALIDATION_FAILED', 'ValidationError', message, details, nodes);

/** 400 for a request over one of the cost limits; `details.rule` names the limit. */
export const overLimit = (message: string, details: Details & { rule: string }) =>
  requestError(400, 'BAD_USER_INPUT', 'ValidationError', message, details);

/** 403 for an argument the caller may not use (drafts without an API token). */
export const forbidden = (message: string, details: Details) => requestError(403, 'FORBIDDEN', 'PolicyError', message, details);
