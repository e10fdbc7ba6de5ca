import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import getRawBody from 'raw-body';
import { unsupportedMediaTypeError } from '../../../common/errors';
import type { Next, RequestContext } from '../../../common/http';
import { matchedRoutePaths } from '../../../lib/route-match';
import { PUBLIC_BODY_LIMIT_BYTES } from '../constants';

type HttpError = Error & { status?: number; type?: string };

/** Where the exact bytes of a request body are kept for signature checks (Zalo webhook). */
export const RAW_BODY_STATE_KEY = 'rawBody';

const LIMIT_MESSAGE = `The request body must be at most ${PUBLIC_BODY_LIMIT_BYTES / 1024} KB`;

/**
 * Reads the body of the public write routes (feedback intake, Zalo webhook) itself, before
 * `strapi::body`: it enforces their 32 KB limit without shrinking the admin's limits, refuses an
 * oversized body from its Content-Length before reading it, and keeps the raw bytes that the Zalo
 * signature is computed over.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const prefix = strapi.config.get<string>('api.rest.prefix', '/api');
  const paths = new Set([`${prefix}/feedbacks`, `${prefix}/zalo/webhook`]);

  return async (ctx: RequestContext, next: Next) => {
    if (ctx.method !== 'POST' || !matchedRoutePaths(strapi, ctx).some((path) => paths.has(path))) return next();
    const declared = Number(ctx.get('content-length'));
    if (Number.isFinite(declared) && declared > PUBLIC_BODY_LIMIT_BYTES) throw new errors.PayloadTooLargeError(LIMIT_MESSAGE);

    const hasBody = ctx.is('*/*') !== null;
    if (hasBody) {
      const encoding = ctx.get('content-encoding');
      if (!ctx.is('application/json') || (encoding && encoding !== 'identity')) {
        throw unsupportedMediaTypeError('Send the body as uncompressed JSON (Content-Type: application/json)');
      }
      let raw: string;
      try {
        raw = await getRawBody(ctx.req, { limit: PUBLIC_BODY_LIMIT_BYTES, encoding: 'utf8' });
      } catch (error) {
        if ((error as HttpError).type === 'entity.too.large') throw new errors.PayloadTooLargeError(LIMIT_MESSAGE);
        throw new errors.ValidationError('The request body could not be read');
      }
      ctx.state[RAW_BODY_STATE_KEY] = raw;
      try {
        ctx.request.body = raw.trim() === '' ? undefined : (JSON.parse(raw) as unknown);
      } catch {
        throw new errors.ValidationError('The request body is not valid JSON');
      }
    }
    // The stream is consumed: without these headers `strapi::body` sees no body and leaves ours alone.
    delete ctx.req.headers['content-length'];
    delete ctx.req.headers['transfer-encoding'];
    return next();
  };
};
