import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Next, RequestContext } from '../../../common/http';
import { createWindowsLimiter, type WindowsLimiter } from '../rate-limit-store';
import { RATE_LIMIT_TABLE, type RateLimitBucket } from '../constants';
import { getFeedbackSettings } from '../settings';

type Config = { bucket: RateLimitBucket };

/**
 * Per-client limits of the public feedback routes (`bucket`: intake or track), per minute and per
 * day. The client is `ctx.request.ip`, which honours `X-Forwarded-For` only when the server trusts
 * its proxy (`PROXY=true`), so a client cannot pick its own address.
 */
export default (config: Config, { strapi }: { strapi: Core.Strapi }) => {
  let limiter: Promise<WindowsLimiter> | undefined;
  const load = () => {
    const limits = getFeedbackSettings(strapi).rateLimit[config.bucket];
    return createWindowsLimiter(strapi, RATE_LIMIT_TABLE, [
      { keyPrefix: `${config.bucket}:minute`, points: limits.perMinute, durationSeconds: 60 },
      { keyPrefix: `${config.bucket}:day`, points: limits.perDay, durationSeconds: 86_400 },
    ]);
  };

  return async (ctx: RequestContext, next: Next) => {
    limiter ??= load();
    const decision = await (await limiter).consume(ctx.request.ip || 'unknown');
    if (!decision.allowed) {
      ctx.set('Retry-After', String(decision.retryAfterSeconds));
      throw new errors.RateLimitError(`Too many requests: try again in ${decision.retryAfterSeconds} seconds`, {
        retryAfter: decision.retryAfterSeconds,
      });
    }
    return next();
  };
};
