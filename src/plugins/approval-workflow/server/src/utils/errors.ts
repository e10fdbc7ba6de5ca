import { errors } from '@strapi/utils';
import createError from 'http-errors';

/**
 * A 409 the Strapi errors middleware answers as is: `@strapi/utils` only offers 400/401/403/404/413/
 * 429/501 application errors, while an `http-errors` error keeps its status, message and details.
 */
export const conflictError = (message: string, details: Record<string, unknown>): Error =>
  createError(409, message, { details });

/**
 * A 403 whose message reaches the client. Strapi's router replaces the message of any plain
 * `ForbiddenError` with "Forbidden", except for `PolicyError`: the four-eyes rules must say why.
 */
export const forbiddenError = (message: string): Error => new errors.PolicyError(message);
