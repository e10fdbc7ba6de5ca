import createHttpError from 'http-errors';

type ParseError = Error & { status?: number; httpCode?: number };

/**
 * `strapi::body`'s `onError`: a body that cannot be parsed (truncated multipart, bad JSON, wrong
 * charset) is the client's error, answered 4xx with a plain message instead of a 500.
 */
export const rejectUnreadableBody = (error: ParseError): never => {
  const status = error.status ?? error.httpCode ?? 400;
  if (status === 413 || /maxFileSize|maxTotalFileSize/.test(error.message)) {
    throw createHttpError(413, 'The request body is too large', { expose: true });
  }
  throw createHttpError(status >= 400 && status < 500 ? status : 400, 'The request body could not be read: check its Content-Type and encoding', { expose: true });
};
