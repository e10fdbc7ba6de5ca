import { maximumRetrySpanMs, minimumRetrySpanMs, nextAttemptAt, retryWindow } from '../../src/common/backoff';
import { parseRetryAfter } from '../../src/plugins/multichannel-publishing/server/src/utils/retry-after';

const HOUR = 3600_000;
const DEFAULTS = { maxAttempts: 12, baseDelayMs: 90_000 };
const first = new Date('2025-01-01T00:00:00.000Z');

/** Simulates a delivery failing every attempt, each attempt taking no time. */
const schedule = (random: () => number, { maxAttempts, baseDelayMs } = DEFAULTS) => {
  const times = [first.getTime()];
  for (let failed = 1; failed < maxAttempts; failed += 1) {
    const now = new Date(times[times.length - 1]);
    times.push(nextAttemptAt({ failedAttempts: failed, firstAttemptAt: first, now, baseDelayMs, random }).getTime());
  }
  return times;
};

describe('retry backoff (exponential windows, full jitter)', () => {
  it('spreads the default 12 attempts over at least 24 hours, whatever the jitter', () => {
    for (const random of [() => 0, () => 0.5, () => 0.999999, Math.random]) {
      const times = schedule(random);
      expect(times).toHaveLength(12);
      expect(times[11] - times[0]).toBeGreaterThanOrEqual(24 * HOUR);
    }
    expect(minimumRetrySpanMs(12, 90_000)).toBeGreaterThanOrEqual(24 * HOUR);
    expect(maximumRetrySpanMs(12, 90_000)).toBeLessThanOrEqual(52 * HOUR);
  });

  it('never schedules an attempt before the previous one', () => {
    for (let run = 0; run < 50; run += 1) {
      const times = schedule(Math.random);
      for (let index = 1; index < times.length; index += 1) expect(times[index]).toBeGreaterThanOrEqual(times[index - 1]);
    }
  });

  it('uses the whole window as jitter: random 0 gives its start, random 1 its end', () => {
    for (let failed = 1; failed <= 11; failed += 1) {
      const { startMs, endMs } = retryWindow(failed, 1000);
      expect(startMs).toBe(1000 * (2 ** (failed - 1) - 1));
      expect(endMs).toBe(1000 * (2 ** failed - 1));
      const at = (random: number) => nextAttemptAt({ failedAttempts: failed, firstAttemptAt: first, now: first, baseDelayMs: 1000, random: () => random }).getTime() - first.getTime();
      expect(at(0)).toBe(startMs);
      expect(at(1)).toBe(endMs);
      expect(at(0.5)).toBe((startMs + endMs) / 2);
    }
  });

  it('doubles the window each time', () => {
    const widths = Array.from({ length: 8 }, (_, index) => {
      const { startMs, endMs } = retryWindow(index + 1, 500);
      return endMs - startMs;
    });
    widths.slice(1).forEach((width, index) => expect(width).toBe(widths[index] * 2));
  });

  it('never schedules in the past when an attempt overran its window', () => {
    const now = new Date(first.getTime() + 10 * HOUR);
    const at = nextAttemptAt({ failedAttempts: 2, firstAttemptAt: first, now, baseDelayMs: 1000, random: () => 0.3 });
    expect(at.getTime()).toBe(now.getTime());
  });

  it('honours Retry-After when it asks for more than the schedule, capped by the configured maximum', () => {
    const base = { failedAttempts: 1, firstAttemptAt: first, now: first, baseDelayMs: 1000, random: () => 0 };
    expect(nextAttemptAt({ ...base, retryAfterMs: 120_000 }).getTime() - first.getTime()).toBe(120_000);
    expect(nextAttemptAt({ ...base, random: () => 1, retryAfterMs: 10 }).getTime() - first.getTime()).toBe(1000);
    expect(nextAttemptAt({ ...base, retryAfterMs: 10 * 24 * HOUR, maxRetryAfterMs: 24 * HOUR }).getTime() - first.getTime()).toBe(24 * HOUR);
    expect(nextAttemptAt({ ...base, retryAfterMs: Number.NaN }).getTime()).toBe(first.getTime());
  });

  it('works in milliseconds for tests and stays finite for large attempt counts', () => {
    expect(schedule(() => 1, { maxAttempts: 4, baseDelayMs: 20 }).map((time) => time - first.getTime())).toEqual([0, 20, 60, 140]);
    expect(Number.isFinite(retryWindow(500, 1000).endMs)).toBe(true);
  });
});

describe('Retry-After parsing', () => {
  const now = new Date('2025-01-01T00:00:00.000Z');
  it.each([
    ['120', 120_000],
    [' 5 ', 5000],
    ['0', 0],
    ['Wed, 01 Jan 2025 00:01:00 GMT', 60_000],
    ['Tue, 31 Dec 2024 23:59:00 GMT', undefined],
    ['soon', undefined],
    ['-5', undefined],
    ['', undefined],
    [null, undefined],
  ])('reads %p as %p ms', (header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });
});
