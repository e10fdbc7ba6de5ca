import { clientError, payloadTooLargeError } from '../common/errors';

type ParseError = Error & { status?: number; httpCode?: number };

/**
 * `strapi::body`'s `onError`: a body that cannot be parsed (truncated multipart, bad JSON, wrong
 * charset) is the client's error, answered 4xx with a plain message instead of a 500.
 */
export const rejectUnreadableBody = (error: ParseError): never => {
  const status = error.status ?? error.httpCode ?? 400;
  if (status === 413 || /maxFileSize|maxTotalFileSize/.test(error.message)) {
    throw payloadTooLargeError('The request body is too large');
  }
  throw clientError(status, 'The request body could not be read: check its Content-Type and encoding');
};
