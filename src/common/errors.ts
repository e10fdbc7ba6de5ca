import { errors } from '@strapi/utils';
import createHttpError from 'http-errors';
import type { z } from 'zod';

/**
 * The one way the product fails a request. Everything here is an error Strapi's own error
 * middleware answers in its `{ data: null, error: { status, name, message, details } }` shape:
 *
 * - `@strapi/utils` application errors for the statuses Strapi has classes for (400 validation,
 *   403 with a message that reaches the client, 404, 413, 429);
 * - an `http-errors` error for the statuses it has none for (409, 415, 503). Strapi's middleware
 *   passes `HttpError` instances through with their status, message and details; this module is the
 *   only place that builds one, so nothing else imports `http-errors`.
 */

export type ErrorDetails = Record<string, unknown>;

/** One field-level problem, in the shape the admin panel and Strapi's own validation use. */
export type FieldIssue = { path: string[]; message: string; name: 'ValidationError' };

/** An exposed http-errors error; it is named after its status (e.g. `ConflictError` for 409). */
const httpError = (status: number, message: string, details: ErrorDetails): Error => createHttpError(status, message, { expose: true, details });

/** 409: the request is well formed but the state of the resource forbids it (say which state). */
export const conflictError = (message: string, details: ErrorDetails = {}): Error =>
  httpError(409, message, details);

/** 415: the body is not of a type this route reads. */
export const unsupportedMediaTypeError = (message: string, details: ErrorDetails = {}): Error =>
  httpError(415, message, details);

/** 413: the body is larger than this route accepts. */
export const payloadTooLargeError = (message: string, details: ErrorDetails = {}): Error =>
  new errors.PayloadTooLargeError(message, details);

/** 503: the service cannot answer now; the client may try again. */
export const serviceUnavailableError = (message: string, details: ErrorDetails = {}): Error =>
  httpError(503, message, details);

/** Any other 4xx a client caused (for example a body that cannot be parsed). */
export const clientError = (status: number, message: string, details: ErrorDetails = {}): Error =>
  httpError(status >= 400 && status < 500 ? status : 400, message, details);

/**
 * 403 whose message reaches the client. Strapi's router replaces the message of a plain
 * `ForbiddenError` with "Forbidden", except for a `PolicyError`: refusals must say why.
 */
export const forbiddenError = (message: string, details: ErrorDetails = {}): Error =>
  new errors.PolicyError(message, details);

/**
 * 403 with Strapi's plain `ForbiddenError` name. Its message reaches the client only when thrown
 * outside a route handler (a server middleware, the document service); prefer {@link forbiddenError}.
 */
export const plainForbiddenError = (message: string, details: ErrorDetails = {}): Error => new errors.ForbiddenError(message, details);

/** 401: the request carries no valid identity. */
export const unauthorizedError = (message: string, details: ErrorDetails = {}): Error => new errors.UnauthorizedError(message, details);

/** 404: what the request names does not exist (say what). */
export const notFoundError = (message: string, details: ErrorDetails = {}): Error => new errors.NotFoundError(message, details);

/** 400 naming one field (`details` adds context such as the allowed values). */
export const fieldError = (path: string | string[], message: string, details: ErrorDetails = {}): errors.ValidationError => {
  const list: FieldIssue[] = [{ path: Array.isArray(path) ? path : [path], message, name: 'ValidationError' }];
  return new errors.ValidationError(message, { ...details, errors: list });
};

/** 400 in the caller's own wording, listing every field issue in `details.errors`. */
export const invalidInputError = (message: string, issues: FieldIssue[], details: ErrorDetails = {}): errors.ValidationError =>
  new errors.ValidationError(message, { ...details, errors: issues });

/** Whether `error` is a 409 built by {@link conflictError}. */
export const isConflictError = (error: unknown): error is Error & { details?: ErrorDetails } =>
  error instanceof Error && (error as Error & { status?: number }).status === 409;

type Issue = { path: readonly PropertyKey[]; message: string };

/**
 * zod issues as Strapi's 400: the message names the first path (and how many more there are), the
 * details list every issue. A submitted value is never echoed back.
 */
export const validationError = (issues: readonly Issue[]): errors.ValidationError => {
  const list: FieldIssue[] = issues.map((issue) => ({
    path: issue.path.map(String),
    message: issue.message,
    name: 'ValidationError',
  }));
  const first = list[0] ?? { path: [], message: 'Invalid input' };
  const field = first.path.join('.');
  // A message that already starts with its field ("closesAt must be after opensAt") is not prefixed twice.
  const where = field && !first.message.startsWith(field) ? `${field}: ` : '';
  const more = list.length > 1 ? ` (and ${list.length - 1} more error${list.length > 2 ? 's' : ''})` : '';
  return new errors.ValidationError(`${where}${first.message}${more}`, { errors: list });
};

/** Parses `value` with a zod schema, or throws the 400 of {@link validationError}. */
export const parseOrThrow = <T extends z.ZodType>(schema: T, value: unknown): z.output<T> => {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error.issues);
  return result.data;
};
