import { ChannelError } from '../channels/types';
import { networkErrorText } from './errors';
import { parseRetryAfter } from './retry-after';

export type HttpReply = { status: number; headers: Headers; text: string };

const USER_AGENT = 'policy-cms-multichannel-publishing/1';
// Enough of an error page to understand it; a receiver could answer with megabytes.
const MAX_BODY = 64 * 1024;

/**
 * POSTs (or DELETEs) with a timeout and the shutdown signal; a network failure or timeout becomes a retryable
 * `ChannelError` naming `what`. Redirects are not followed: a webhook that moved is a config issue.
 */
export const post = async (
  what: string,
  url: string,
  {
    headers,
    body,
    timeoutMs,
    signal,
    method = 'POST',
  }: { headers: Record<string, string>; body?: string | URLSearchParams | FormData; timeoutMs: number; signal: AbortSignal; method?: 'POST' | 'DELETE' },
): Promise<HttpReply> => {
  try {
    const response = await fetch(url, {
      method,
      headers: { 'user-agent': USER_AGENT, ...headers },
      body,
      redirect: 'manual',
      signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
    });
    const text = (await response.text()).slice(0, MAX_BODY);
    return { status: response.status, headers: response.headers, text };
  } catch (error) {
    throw new ChannelError(`${what} unreachable: ${networkErrorText(error)}`, { retryable: true });
  }
};

/** Retry-After of a reply, in milliseconds from now. */
export const retryAfterOf = (reply: HttpReply): number | undefined => parseRetryAfter(reply.headers.get('retry-after'));

/** Joins a base URL and a path without doubling or dropping the slash. */
export const joinUrl = (base: string, path: string): string => `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;

/** Absolute URL for a media URL: relative ones (`/uploads/…`) are prefixed with the public URL, if known. */
export const absoluteUrl = (url: string | undefined | null, publicUrl: string | null): string | null => {
  if (!url) return null;
  if (/^https?:\/\//i.test(url)) return url;
  return publicUrl ? joinUrl(publicUrl, url) : null;
};

/** Whether a string is an absolute http(s) URL. */
export const isHttpUrl = (value: string | undefined | null): boolean => {
  if (!value) return false;
  try {
    const parsed = new URL(value);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
};
