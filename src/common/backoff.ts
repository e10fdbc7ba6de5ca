/**
 * Retry schedule: exponential windows with full jitter, anchored at the first attempt.
 *
 * Attempt n+1 (after n failures) falls uniformly at random inside the n-th window
 * [base·(2^(n−1) − 1), base·(2^n − 1)] measured from the first attempt. The windows double like
 * classic exponential backoff and the jitter spans the whole window (what spreads a herd of
 * retries after a receiver outage), but unlike "sleep random(0, base·2^n)" the windows never
 * overlap, so the last attempt can never come earlier than base·(2^(maxAttempts−2) − 1) after the
 * first: with the defaults (12 attempts, base 90 s) that is at least 25.6 h, at most 51 h.
 * Shared by the publishing outbox (multichannel-publishing) and the notification outbox (api::notification).
 */
export type RetryScheduleInput = {
  /** Attempts made so far, all failed (≥ 1). */
  failedAttempts: number;
  firstAttemptAt: Date;
  now: Date;
  baseDelayMs: number;
  /** A receiver's Retry-After, already converted to milliseconds from `now`. */
  retryAfterMs?: number;
  /** Upper bound for a Retry-After (a receiver may not park a delivery for a month). */
  maxRetryAfterMs?: number;
  random?: () => number;
};

// 2^40 windows of even 1 ms exceed any sane schedule; the cap only guards the arithmetic.
const MAX_EXPONENT = 40;

/** Offset from the first attempt at which the window for attempt `failedAttempts + 1` starts and ends. */
export const retryWindow = (failedAttempts: number, baseDelayMs: number): { startMs: number; endMs: number } => {
  const n = Math.min(Math.max(1, Math.floor(failedAttempts)), MAX_EXPONENT);
  return { startMs: baseDelayMs * (2 ** (n - 1) - 1), endMs: baseDelayMs * (2 ** n - 1) };
};

/** When the next attempt is due. Never in the past, never before the receiver's Retry-After. */
export const nextAttemptAt = ({
  failedAttempts,
  firstAttemptAt,
  now,
  baseDelayMs,
  retryAfterMs,
  maxRetryAfterMs = Number.POSITIVE_INFINITY,
  random = Math.random,
}: RetryScheduleInput): Date => {
  const { startMs, endMs } = retryWindow(failedAttempts, baseDelayMs);
  const jittered = firstAttemptAt.getTime() + startMs + random() * (endMs - startMs);
  let due = Math.max(jittered, now.getTime());
  if (retryAfterMs !== undefined && Number.isFinite(retryAfterMs) && retryAfterMs > 0) {
    due = Math.max(due, now.getTime() + Math.min(retryAfterMs, maxRetryAfterMs));
  }
  return new Date(due);
};

/** The earliest possible gap between the first and the last of `maxAttempts` attempts. */
export const minimumRetrySpanMs = (maxAttempts: number, baseDelayMs: number): number =>
  maxAttempts < 2 ? 0 : retryWindow(maxAttempts - 1, baseDelayMs).startMs;

/** The latest possible gap between the first and the last of `maxAttempts` attempts (without Retry-After). */
export const maximumRetrySpanMs = (maxAttempts: number, baseDelayMs: number): number =>
  maxAttempts < 2 ? 0 : retryWindow(maxAttempts - 1, baseDelayMs).endMs;
