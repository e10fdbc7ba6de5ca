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
 * both the OA articles (and their broadcasts) and the consultation messages read. Reviewed against
 * Zalo's published OA error list, https://developers.zalo.me/docs/official-account/phu-luc/ma-loi
 * ("Mã lỗi"), as the SDKs carry it: the official PHP SDK (zaloplatform/zalo-php-sdk,
 * src/Exceptions/ZaloResponseException.php) names the OA codes -201…-219; community SDKs give their
 * meanings from that page (-32 "reached limit call api", -201 "<data_field> is invalid", -211 "Out
 * of quota", -214 "Article is being processed", -216 "Access token is invalid", -220 "access token
 * expired or no longer usable", -223 "OA has not granted the API, or its content publishing quota is
 * spent", -234 "cannot be sent at night (22:00–06:00)", -248 "violates Zalo's platform standards").
 * -230 "user has not interacted with the OA in the past 7 days" is returned by the live consultation
 * API (khoicodedao/Poto_platform docs/FIX_ERROR_230.md; subiz/subiz.com "Lỗi 230"). Unknown codes are
 * retried (the attempt budget still ends them) rather than dropping a delivery on a code we cannot read.
 */
/** The access token was refused: refresh it, then repeat the call once. */
export const ZALO_TOKEN_ERRORS: ReadonlySet<number> = new Set([-124, -216, -220]);
/** Rate limits and quotas (calls per minute, the OA's article quota, a follower's monthly quota, the night pause): retried with backoff. */
export const ZALO_RATE_ERRORS: ReadonlySet<number> = new Set([-32, -211, -218, -223, -234]);
/** "Article is being processed": ask (verify) again later; the article exists. */
export const ZALO_PROCESSING_ERRORS: ReadonlySet<number> = new Set([-214]);
/** The request itself is wrong (invalid or oversize parameter, unsupported message type): retrying sends the same thing. */
export const ZALO_INVALID_ERRORS: ReadonlySet<number> = new Set([-201, -210, -233, -240]);
/** Zalo refuses the content (platform standards): an editor must change it; Zalo's message is kept for them. */
export const ZALO_CONTENT_ERRORS: ReadonlySet<number> = new Set([-248]);
/**
 * The OA or the app cannot use this API (disabled or missing OA, API not registered, app removed, OA
 * not verified, tier or Zalo Cloud Account missing or out of credit): an operator acts in Zalo's
 * console, then replays.
 */
export const ZALO_ACCOUNT_ERRORS: ReadonlySet<number> = new Set([-204, -205, -209, -212, -219, -221, -224, -235, -320, -321]);
/** The user cannot be written to now (outside the window, not a follower, blocked the OA): it will not change by retrying. */
export const ZALO_RECIPIENT_ERRORS: ReadonlySet<number> = new Set([-213, -217, -227, -230, -231, -232, -244]);

export type ZaloFailureKind = 'token' | 'rate' | 'processing' | 'invalid' | 'content' | 'account' | 'recipient' | 'unknown';

export const classifyZaloError = (code: number): ZaloFailureKind => {
  if (ZALO_TOKEN_ERRORS.has(code)) return 'token';
  if (ZALO_RATE_ERRORS.has(code)) return 'rate';
  if (ZALO_PROCESSING_ERRORS.has(code)) return 'processing';
  if (ZALO_INVALID_ERRORS.has(code)) return 'invalid';
  if (ZALO_CONTENT_ERRORS.has(code)) return 'content';
  if (ZALO_ACCOUNT_ERRORS.has(code)) return 'account';
  if (ZALO_RECIPIENT_ERRORS.has(code)) return 'recipient';
  return 'unknown';
};

/** Whether a Zalo `error` code may pass on a later attempt. */
export const isRetryableZaloError = (code: number): boolean => {
  const kind = classifyZaloError(code);
  return kind === 'token' || kind === 'rate' || kind === 'processing' || kind === 'unknown';
};
