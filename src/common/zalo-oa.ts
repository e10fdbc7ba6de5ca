import type { Core } from '@strapi/strapi';

/**
 * The Zalo Official Account's OpenAPI as one connection shared by everything that talks to it: the
 * publishing plugin owns the settings (`ZALO_API_BASE`, `ZALO_APP_ID`, …) and the rotating tokens
 * (one refresh-token chain per OA: a second chain would kill the first), and offers `call`; the
 * notifications plugin sends consultation messages through it without importing that plugin.
 */

export const ZALO_OA_PLUGIN = 'multichannel-publishing';
export const ZALO_OA_SERVICE = 'zalo-oa';

/** Zalo's consultation window: an OA may answer a user for this long after the user's last message. */
export const ZALO_CS_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

export type ZaloOaReply = { error?: unknown; message?: unknown; data?: Record<string, unknown> } & Record<string, unknown>;

/** A failed call: `retryable` says whether trying later may help; `zaloCode` is Zalo's `error` when it answered one. */
export type ZaloOaFailure = Error & { retryable: boolean; zaloCode?: number };

export type ZaloOa = {
  /** `null` when calls can be made, otherwise why not (names of missing settings, never values). */
  unavailableReason(): Promise<string | null>;
  /**
   * POSTs JSON to an OA endpoint (`path` under ZALO_API_BASE) with the shared access token; a token
   * Zalo refuses is refreshed once. Resolves with the reply when `error` is 0, else throws a
   * {@link ZaloOaFailure} classified by {@link classifyZaloError}.
   */
  call(what: string, path: string, body: Record<string, unknown>, options?: { signal?: AbortSignal }): Promise<ZaloOaReply>;
};

/** The shared OA connection, or `null` when the publishing plugin is disabled. */
export const zaloOa = (strapi: Core.Strapi): ZaloOa | null =>
  (strapi.plugin(ZALO_OA_PLUGIN)?.service(ZALO_OA_SERVICE) as ZaloOa | undefined) ?? null;

/**
 * Zalo answers HTTP 200 with `{ error: <code ≠ 0>, message }` on failure; this table is the one place
 * both the OA articles and the consultation messages read. Sources: the OpenAPI's access-token,
 * rate-limit/quota and parameter codes (as the publishing channel has used them), and for the
 * consultation message (`/v3.0/oa/message/cs`) the codes integrators meet in practice: -213 "user
 * has not followed / not interacted with the OA" (documented), -230 "user has not interacted with
 * the OA in the past 7 days" (returned by the live API; see khoicodedao/Poto_platform
 * docs/FIX_ERROR_230.md and subiz/subiz.com docs/110-xu-ly-tinh-huong/6.-xu-ly-loi-zalo-oa.md,
 * "Lỗi 230"). Unknown codes are retried (the attempt budget still ends them) rather than dropping a
 * message on a code we cannot read.
 */
export const ZALO_TOKEN_ERRORS: ReadonlySet<number> = new Set([-124, -216, -220]);
export const ZALO_RATE_ERRORS: ReadonlySet<number> = new Set([-32, -211, -222, -223]);
export const ZALO_INVALID_ERRORS: ReadonlySet<number> = new Set([-201, -202, -203, -204, -205, -209, -210, -212, -214]);
/** The user cannot be written to now (outside the window, not a follower, blocked the OA): it will not change by retrying. */
export const ZALO_RECIPIENT_ERRORS: ReadonlySet<number> = new Set([-213, -230]);

export type ZaloFailureKind = 'token' | 'rate' | 'invalid' | 'recipient' | 'unknown';

export const classifyZaloError = (code: number): ZaloFailureKind => {
  if (ZALO_TOKEN_ERRORS.has(code)) return 'token';
  if (ZALO_RATE_ERRORS.has(code)) return 'rate';
  if (ZALO_INVALID_ERRORS.has(code)) return 'invalid';
  if (ZALO_RECIPIENT_ERRORS.has(code)) return 'recipient';
  return 'unknown';
};

/** Whether a Zalo `error` code may pass on a later attempt. */
export const isRetryableZaloError = (code: number): boolean => {
  const kind = classifyZaloError(code);
  return kind !== 'invalid' && kind !== 'recipient';
};
