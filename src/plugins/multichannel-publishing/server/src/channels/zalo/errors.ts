import { classifyZaloError } from '../../../../../../common/zalo-oa';
import { ChannelError } from '../types';

// The code table lives in the kernel (src/common/zalo-oa.ts): the notifications plugin reads it too.
export { classifyZaloError, type ZaloFailureKind } from '../../../../../../common/zalo-oa';

/** A Zalo reply with `error ≠ 0`; `zaloCode` is that error. */
export class ZaloReplyError extends ChannelError {
  readonly zaloCode: number;

  constructor(message: string, { retryable, zaloCode }: { retryable: boolean; zaloCode: number }) {
    super(message, { retryable });
    this.name = 'ZaloReplyError';
    this.zaloCode = zaloCode;
  }
}

/** An access token Zalo refused: refresh it and try once more before giving the attempt up. */
export class ZaloTokenError extends ZaloReplyError {
  constructor(message: string, zaloCode: number) {
    super(message, { retryable: true, zaloCode });
    this.name = 'ZaloTokenError';
  }
}

/** The error for a Zalo reply with `error ≠ 0`. */
export const zaloReplyError = (what: string, code: number, message: unknown): ChannelError => {
  const text = `${what}: Zalo error ${code}${typeof message === 'string' && message ? ` (${message})` : ''}`;
  switch (classifyZaloError(code)) {
    case 'token':
      return new ZaloTokenError(text, code);
    case 'rate':
      return new ZaloReplyError(`${text}: rate limit or quota, retrying later`, { retryable: true, zaloCode: code });
    case 'invalid':
    case 'recipient':
      return new ZaloReplyError(text, { retryable: false, zaloCode: code });
    default:
      return new ZaloReplyError(text, { retryable: true, zaloCode: code });
  }
};
