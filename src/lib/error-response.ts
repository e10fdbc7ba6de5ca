type ResponseContext = { status: number; body: unknown };

/**
 * Answers with Strapi's error shape `{ data: null, error: { status, name, message, details } }` for
 * statuses Strapi has no error class for (409, 415). Thrown `ctx.throw` errors would be logged as
 * server errors, because Koa's and Strapi's copies of http-errors differ.
 */
export const respondWithError = (
  ctx: ResponseContext,
  status: number,
  name: string,
  message: string,
  details: Record<string, unknown> = {},
): void => {
  ctx.status = status;
  ctx.body = { data: null, error: { status, name, message, details } };
};
