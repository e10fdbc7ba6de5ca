import { assessHealth, type HealthInputs } from '../../src/plugins/multichannel-publishing/server/src/utils/channel-health';
import { classifyFacebookError } from '../../src/plugins/multichannel-publishing/server/src/channels/facebook/errors';

const SETTINGS = { failingAfter: 3, recentWindow: 5, stalledAfterMs: 60 * 60 * 1000 };
const NOW = new Date('2026-12-07T06:00:00.000Z');
const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);

const delivered = { status: 'delivered' as const, lastError: null };
const dead = (lastError = 'Zalo needs a cover photo') => ({ status: 'dead' as const, lastError });
const failed = (lastError = 'portal answered 503') => ({ status: 'failed' as const, lastError });

const inputs = (overrides: Partial<HealthInputs> = {}): HealthInputs => ({
  configComplete: true,
  missing: [],
  recent: [],
  waiting: 0,
  oldestWaitingAt: null,
  lastSuccessAt: null,
  now: NOW,
  ...overrides,
});

describe('channel health rules', () => {
  it('a channel missing settings is unconfigured and names them, whatever its deliveries', () => {
    const health = assessHealth(inputs({ configComplete: false, missing: ['ZALO_APP_ID'], recent: [dead(), dead(), dead()] }), SETTINGS);
    expect(health).toEqual({
      state: 'unconfigured',
      reason: { kind: 'unconfigured', missing: ['ZALO_APP_ID'] },
      text: { vi: 'Chưa cấu hình đủ: thiếu ZALO_APP_ID', en: 'Not configured: missing ZALO_APP_ID' },
    });
  });

  it('a channel with no deliveries yet, or only successes, is ok', () => {
    expect(assessHealth(inputs(), SETTINGS)).toEqual({ state: 'ok', reason: null, text: null });
    expect(assessHealth(inputs({ recent: [delivered, delivered], lastSuccessAt: minutesAgo(1) }), SETTINGS).state).toBe('ok');
  });

  it('is failing when the newest N attempted deliveries all failed, counting the whole run and naming the most common error', () => {
    const recent = [...Array.from({ length: 27 }, () => dead()), failed('timed out'), delivered, dead('old error')];
    const health = assessHealth(inputs({ recent }), SETTINGS);
    expect(health.state).toBe('failing');
    expect(health.reason).toEqual({ kind: 'failures', consecutive: 28, failed: 28, of: 28, commonError: 'Zalo needs a cover photo', commonErrorCount: 27 });
    expect(health.text?.vi).toBe('28 bài gần nhất đều lỗi: Zalo needs a cover photo');
    expect(health.text?.en).toBe('The last 28 deliveries all failed: Zalo needs a cover photo');
  });

  it('one failure short of N is degraded, not failing', () => {
    const health = assessHealth(inputs({ recent: [dead(), failed(), delivered, delivered] }), SETTINGS);
    expect(health.state).toBe('degraded');
    expect(health.reason).toMatchObject({ kind: 'failures', consecutive: 2, failed: 2, of: 4 });
    expect(health.text?.vi).toBe('2/4 bài gần nhất bị lỗi: Zalo needs a cover photo');
  });

  it('failures among the recent window with a success since are degraded; older than the window they are forgotten', () => {
    const health = assessHealth(inputs({ recent: [delivered, dead(), delivered, failed(), delivered], lastSuccessAt: minutesAgo(1) }), SETTINGS);
    expect(health).toMatchObject({ state: 'degraded', text: { vi: '2/5 bài gần nhất bị lỗi: Zalo needs a cover photo' } });
    const forgotten = assessHealth(inputs({ recent: [delivered, delivered, delivered, delivered, delivered, dead(), dead(), dead()] }), SETTINGS);
    expect(forgotten.state).toBe('ok');
  });

  it('is failing when nothing was delivered for the configured time while deliveries wait', () => {
    const stalled = assessHealth(inputs({ recent: [delivered], waiting: 4, oldestWaitingAt: minutesAgo(90), lastSuccessAt: minutesAgo(75) }), SETTINGS);
    expect(stalled).toEqual({
      state: 'failing',
      reason: { kind: 'stalled', waiting: 4, waitingSince: minutesAgo(90).toISOString(), minutes: 75 },
      text: { vi: 'Không phát hành được bài nào trong 75 phút qua; 4 bài đang chờ', en: 'Nothing delivered for 75 minutes; 4 waiting' },
    });
    // Waiting, but not for long enough; or a recent success; or nothing waits.
    expect(assessHealth(inputs({ waiting: 4, oldestWaitingAt: minutesAgo(30), lastSuccessAt: minutesAgo(120) }), SETTINGS).state).toBe('ok');
    expect(assessHealth(inputs({ waiting: 4, oldestWaitingAt: minutesAgo(90), lastSuccessAt: minutesAgo(5) }), SETTINGS).state).toBe('ok');
    expect(assessHealth(inputs({ waiting: 0, oldestWaitingAt: null, lastSuccessAt: minutesAgo(500) }), SETTINGS).state).toBe('ok');
    // Never delivered anything, and the first delivery has waited long enough.
    expect(assessHealth(inputs({ waiting: 1, oldestWaitingAt: minutesAgo(61) }), SETTINGS).state).toBe('failing');
  });
});

describe('Facebook Graph API error codes', () => {
  it.each([
    [190, 'token'],
    [102, 'token'],
    [4, 'rate'],
    [17, 'rate'],
    [32, 'rate'],
    [613, 'rate'],
    [341, 'rate'],
    [80001, 'rate'],
    [1, 'transient'],
    [2, 'transient'],
    [368, 'blocked'],
    [3, 'permission'],
    [10, 'permission'],
    [200, 'permission'],
    [299, 'permission'],
    [100, 'invalid'],
    [506, 'invalid'],
    [1609005, 'invalid'],
    [12345, 'unknown'],
  ])('code %i is %s', (code, kind) => {
    expect(classifyFacebookError(code)).toBe(kind);
  });
});
