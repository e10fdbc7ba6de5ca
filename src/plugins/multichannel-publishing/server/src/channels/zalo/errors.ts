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

/** The error for a Zalo reply with `error ≠ 0`; Zalo's own message is always kept (editors read it). */
export const zaloReplyError = (what: string, code: number, message: unknown): ChannelError => {
  const zaloMessage = typeof message === 'string' && message ? message : '';
  const text = `${what}: Zalo error ${code}${zaloMessage ? ` (${zaloMessage})` : ''}`;
  switch (classifyZaloError(code)) {
    case 'token':
      return new ZaloTokenError(text, code);
    case 'rate':
      return new ZaloReplyError(`${text}: rate limit or quota, retrying later`, { retryable: true, zaloCode: code });
    case 'processing':
      return new ZaloReplyError(`${text}: Zalo is still processing the article, asking again later`, { retryable: true, zaloCode: code });
    case 'content':
      return new ZaloReplyError(`${text}: Zalo refused the content; change it and publish again`, { retryable: false, zaloCode: code });
    case 'account':
      return new ZaloReplyError(`${text}: the OA or the Zalo app cannot use this API; fix it in Zalo's console, then retry`, { retryable: false, zaloCode: code });
    case 'invalid':
    case 'recipient':
      return new ZaloReplyError(text, { retryable: false, zaloCode: code });
    default:
      return new ZaloReplyError(text, { retryable: true, zaloCode: code });
  }
};
