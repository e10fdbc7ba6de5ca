import { ChannelError } from '../types';

/**
 * Graph API error codes and what to do about each, from Meta's "Handling Errors" guide
 * (https://developers.facebook.com/docs/graph-api/guides/error-handling: an error reply is
 * `{ "error": { "message", "type", "code", "error_subcode", "error_user_msg", "fbtrace_id" } }`)
 * and the throttling codes of "Rate Limits"
 * (https://developers.facebook.com/docs/graph-api/overview/rate-limiting: 4 application-level,
 * 17 account-level, 32 Page-level, 613 custom-level throttling; 80001 Pages business-use-case limit).
 *
 * - `token`: 190 (access token expired, revoked or invalid) and 102 (API session). A Page access token
 *   cannot be renewed by us: the operator replaces FACEBOOK_PAGE_TOKEN, so the delivery is dead, with
 *   the reason, until it is retried by hand.
 * - `rate`: 4, 17, 32, 613, 341 (application limit reached), 80001 → retry later with backoff.
 * - `transient`: 1 (API unknown), 2 (API service): temporary downtime → retry.
 * - `blocked`: 368 (temporarily blocked for policy violations): the guide says wait and retry, so it is
 *   retried with backoff, and the editor sees Facebook's message meanwhile.
 * - `permission`: 3 (API method), 10 (permission denied), 200–299 (permission missing) → dead.
 * - `invalid`: 100 (invalid parameter), 506 (duplicate post), 1609005 (error posting the link) → dead:
 *   the same request would fail again.
 * Unknown codes are retried (they may be temporary); the attempt limit makes them dead eventually.
 */
export type FacebookFailureKind = 'token' | 'rate' | 'transient' | 'blocked' | 'permission' | 'invalid' | 'unknown';

const RATE_CODES = new Set([4, 17, 32, 341, 613, 80001]);

/** The kind of a Graph API error code. */
export const classifyFacebookError = (code: number): FacebookFailureKind => {
  if (code === 190 || code === 102) return 'token';
  if (RATE_CODES.has(code)) return 'rate';
  if (code === 1 || code === 2) return 'transient';
  if (code === 368) return 'blocked';
  if (code === 3 || code === 10 || (code >= 200 && code <= 299)) return 'permission';
  if (code === 100 || code === 506 || code === 1609005) return 'invalid';
  return 'unknown';
};

/** The `error` object of a Graph API reply, when the body has one. */
export type GraphError = { code: number; subcode: number | null; message: string; type: string | null; userMessage: string | null };

export const graphErrorOf = (body: unknown): GraphError | null => {
  const error = body && typeof body === 'object' ? (body as { error?: unknown }).error : undefined;
  if (!error || typeof error !== 'object') return null;
  const raw = error as Record<string, unknown>;
  const code = Number(raw.code);
  if (!Number.isFinite(code)) return null;
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);
  return {
    code,
    subcode: Number.isFinite(Number(raw.error_subcode)) ? Number(raw.error_subcode) : null,
    message: text(raw.message) ?? 'no message',
    type: text(raw.type),
    userMessage: text(raw.error_user_msg),
  };
};

/** A Graph API error reply; `graphCode` is Facebook's code. */
export class FacebookReplyError extends ChannelError {
  readonly graphCode: number;
  readonly graphSubcode: number | null;
  readonly kind: FacebookFailureKind;

  constructor(message: string, options: { retryable: boolean; statusCode?: number; retryAfterMs?: number; graphCode: number; graphSubcode?: number | null; kind: FacebookFailureKind }) {
    super(message, options);
    this.name = 'FacebookReplyError';
    this.graphCode = options.graphCode;
    this.graphSubcode = options.graphSubcode ?? null;
    this.kind = options.kind;
  }
}

/** The error for a Graph API error reply: Facebook's code, type and message are kept for the editor. */
export const facebookReplyError = (what: string, error: GraphError, statusCode: number, retryAfterMs?: number): FacebookReplyError => {
  const kind = classifyFacebookError(error.code);
  const detail = [error.type, error.message, error.userMessage].filter(Boolean).join(': ');
  const base = `${what}: Facebook error ${error.code}${error.subcode !== null ? `/${error.subcode}` : ''} (${detail})`;
  const suffix: Record<FacebookFailureKind, string> = {
    token: ': the Page access token was refused; set a valid FACEBOOK_PAGE_TOKEN, then retry',
    rate: ': rate limit, retrying later',
    transient: ': temporary, retrying later',
    blocked: ': the Page is temporarily blocked, retrying later',
    permission: ': the Page access token lacks a permission (pages_manage_posts) or the Page task CREATE_CONTENT',
    invalid: '',
    unknown: '',
  };
  const retryable = kind === 'rate' || kind === 'transient' || kind === 'blocked' || kind === 'unknown';
  return new FacebookReplyError(`${base}${suffix[kind]}`, { retryable, statusCode, retryAfterMs, graphCode: error.code, graphSubcode: error.subcode, kind });
};
