import {
  formatLocal,
  isInWindow,
  localMonth,
  nextWindowOpening,
  parseSendingWindow,
} from '../../src/plugins/multichannel-publishing/server/src/channels/zalo-broadcast/schedule';
import { parseBroadcastSettings } from '../../src/plugins/multichannel-publishing/server/src/channels/zalo-broadcast/settings';
import { broadcastMessage } from '../../src/plugins/multichannel-publishing/server/src/channels/zalo-broadcast/message';

/** An instant given as Vietnam's wall clock (UTC+7). */
const vn = (text: string) => new Date(`${text}+07:00`);
const DAY = { from: 6 * 60, to: 20 * 60 };

describe('the sending window', () => {
  it.each([
    ['06:00-20:00', DAY],
    ['6:30 – 21:15', { from: 390, to: 1275 }],
    ['00:00-24:00', { from: 0, to: 1440 }],
    ['20:00-06:00', null],
    ['06:00-06:00', null],
    ['25:00-26:00', null],
    ['06:61-20:00', null],
    ['6h-20h', null],
    ['', null],
  ])('parses %p', (text, expected) => {
    expect(parseSendingWindow(text)).toEqual(expected);
  });

  it.each([
    ['2026-12-10T05:59:59', false],
    ['2026-12-10T06:00:00', true],
    ['2026-12-10T12:00:00', true],
    ['2026-12-10T19:59:59', true],
    ['2026-12-10T20:00:00', false],
    ['2026-12-10T23:30:00', false],
  ])('at %p Vietnam time it is open: %p', (local, open) => {
    expect(isInWindow(vn(local), DAY)).toBe(open);
  });

  it('opens next at 06:00 the same morning before it, the next morning after it, and at once inside it', () => {
    expect(nextWindowOpening(vn('2026-12-10T03:00:00'), DAY)).toEqual(vn('2026-12-10T06:00:00'));
    expect(nextWindowOpening(vn('2026-12-10T21:30:00'), DAY)).toEqual(vn('2026-12-11T06:00:00'));
    // 23:30 in Vietnam is still 16:30 UTC of the same day: the local day decides.
    expect(nextWindowOpening(vn('2026-12-31T23:30:00'), DAY)).toEqual(vn('2027-01-01T06:00:00'));
    expect(nextWindowOpening(vn('2026-12-10T10:00:00'), DAY)).toEqual(vn('2026-12-10T10:00:00'));
  });
});

describe('the month in Vietnam time', () => {
  it('starts at local midnight of the 1st, across the year end', () => {
    expect(localMonth(vn('2026-12-31T23:59:00'))).toEqual({ key: '2026-12', start: vn('2026-12-01T00:00:00'), next: vn('2027-01-01T00:00:00') });
    // 2027-01-01 00:30 in Vietnam is still 2026-12-31 in UTC.
    expect(localMonth(vn('2027-01-01T00:30:00')).key).toBe('2027-01');
    expect(localMonth(vn('2028-02-29T12:00:00')).next).toEqual(vn('2028-03-01T00:00:00'));
  });

  it('formats instants in Vietnam time', () => {
    expect(formatLocal(vn('2027-01-01T06:00:00'))).toBe('01/01/2027 06:00');
  });
});

describe('broadcast settings and message', () => {
  it('reads cities and hours, flagging malformed ones as null', () => {
    expect(parseBroadcastSettings({})).toMatchObject({ monthlyLimit: 4, window: DAY, cities: [], recheckMs: 60_000 });
    expect(parseBroadcastSettings({ cities: '4, 12', hours: '07:00-19:00', monthlyLimit: 2 })).toMatchObject({ cities: ['4', '12'], window: { from: 420, to: 1140 }, monthlyLimit: 2 });
    expect(parseBroadcastSettings({ cities: 'Lào Cai' }).cities).toBeNull();
    expect(parseBroadcastSettings({ hours: 'all day' }).window).toBeNull();
  });

  it('builds the media template of one article, targeted at the cities when given', () => {
    expect(broadcastMessage('art_1', [])).toEqual({
      recipient: { target: {} },
      message: { attachment: { type: 'template', payload: { template_type: 'media', elements: [{ media_type: 'article', attachment_id: 'art_1' }] } } },
    });
    expect(broadcastMessage('art_1', ['4', '12']).recipient).toEqual({ target: { cities: '4,12' } });
  });
});
