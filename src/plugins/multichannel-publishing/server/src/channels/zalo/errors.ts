import { ChannelError } from '../types';

/**
 * Zalo answers HTTP 200 with `{ error: <code ≠ 0>, message }` on failure. The codes below are the
 * ones the OpenAPI documents for access tokens, rate limits/quotas and invalid parameters; keep
 * this table the single place to adjust when Zalo's list changes. Unknown codes are retried (the
 * attempt budget still ends them) rather than dropping a publication on a code we cannot read.
 */
export const ZALO_TOKEN_ERRORS = new Set([-124, -216, -220]);
export const ZALO_RATE_ERRORS = new Set([-32, -211, -222, -223]);
export const ZALO_INVALID_ERRORS = new Set([-201, -202, -203, -204, -205, -209, -210, -212, -213, -214]);

export type ZaloFailureKind = 'token' | 'rate' | 'invalid' | 'unknown';

export const classifyZaloError = (code: number): ZaloFailureKind => {
  if (ZALO_TOKEN_ERRORS.has(code)) return 'token';
  if (ZALO_RATE_ERRORS.has(code)) return 'rate';
  if (ZALO_INVALID_ERRORS.has(code)) return 'invalid';
  return 'unknown';
};

/** An access token Zalo refused: refresh it and try once more before giving the attempt up. */
export class ZaloTokenError extends ChannelError {
  constructor(message: string) {
    super(message, { retryable: true });
    this.name = 'ZaloTokenError';
  }
}

/** The error for a Zalo reply with `error ≠ 0`. */
export const zaloReplyError = (what: string, code: number, message: unknown): ChannelError => {
  const text = `${what}: Zalo error ${code}${typeof message === 'string' && message ? ` (${message})` : ''}`;
  switch (classifyZaloError(code)) {
    case 'token':
      return new ZaloTokenError(text);
    case 'rate':
      return new ChannelError(`${text}: rate limit or quota, retrying later`, { retryable: true });
    case 'invalid':
      return new ChannelError(text, { retryable: false });
    default:
      return new ChannelError(text, { retryable: true });
  }
};
