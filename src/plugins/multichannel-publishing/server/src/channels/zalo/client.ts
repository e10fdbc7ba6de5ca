import { post, retryAfterOf, type HttpReply } from '../../utils/http';
import { ChannelError } from '../types';
import { zaloReplyError } from './errors';

export type ZaloReply = { error?: unknown; message?: unknown; data?: Record<string, unknown> } & Record<string, unknown>;

/** Parses a Zalo HTTP reply; transport-level failures are classified like any HTTP channel. */
export const parseZaloReply = (what: string, reply: HttpReply): ZaloReply => {
  if (reply.status === 429 || reply.status >= 500) {
    throw new ChannelError(`${what}: Zalo answered HTTP ${reply.status}`, { retryable: true, statusCode: reply.status, retryAfterMs: retryAfterOf(reply) });
  }
  if (reply.status < 200 || reply.status >= 300) {
    throw new ChannelError(`${what}: Zalo answered HTTP ${reply.status}: ${reply.text.slice(0, 500)}`, { retryable: false, statusCode: reply.status });
  }
  try {
    const parsed = JSON.parse(reply.text) as unknown;
    if (parsed && typeof parsed === 'object') return parsed as ZaloReply;
  } catch {
    // A gateway's HTML error page: transient from our side.
  }
  throw new ChannelError(`${what}: Zalo answered something that is not JSON`, { retryable: true, statusCode: reply.status });
};

/** Calls an OA endpoint with the access token and returns the reply when `error` is 0. */
export const callOpenApi = async (
  what: string,
  url: string,
  { accessToken, body, timeoutMs, signal }: { accessToken: string; body: Record<string, unknown>; timeoutMs: number; signal: AbortSignal },
): Promise<ZaloReply> => {
  const reply = parseZaloReply(
    what,
    await post(what, url, { headers: { 'content-type': 'application/json', access_token: accessToken }, body: JSON.stringify(body), timeoutMs, signal }),
  );
  const code = Number(reply.error ?? 0);
  if (code !== 0) throw zaloReplyError(what, code, reply.message);
  return reply;
};
