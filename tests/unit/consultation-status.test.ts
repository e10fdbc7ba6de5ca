import { consultationStatus } from '../../src/lib/consultation-status';

const opensAt = '2026-03-01T00:00:00.000Z';
const closesAt = '2026-03-31T00:00:00.000Z';
const at = (iso: string) => new Date(iso);

describe('consultationStatus', () => {
  it.each([
    ['a second before opening', '2026-02-28T23:59:59.000Z', 'upcoming'],
    ['exactly at opening', opensAt, 'open'],
    ['in the middle of the window', '2026-03-15T12:00:00.000Z', 'open'],
    ['a millisecond before closing', '2026-03-30T23:59:59.999Z', 'open'],
    ['exactly at closing', closesAt, 'closed'],
    ['long after closing', '2027-01-01T00:00:00.000Z', 'closed'],
  ])('is %s → %s', (_label, now, expected) => {
    expect(consultationStatus(opensAt, closesAt, at(now))).toBe(expected);
  });

  it('treats a window without an opening date as not yet open', () => {
    expect(consultationStatus(null, closesAt, at('2026-03-10T00:00:00.000Z'))).toBe('upcoming');
  });

  it('keeps an open-ended window open after it opens', () => {
    expect(consultationStatus(opensAt, undefined, at('2030-01-01T00:00:00.000Z'))).toBe('open');
  });

  it('accepts Date objects and ignores unparsable strings', () => {
    expect(consultationStatus(new Date(opensAt), new Date(closesAt), at('2026-03-02T00:00:00.000Z'))).toBe('open');
    expect(consultationStatus('not a date', closesAt, at('2026-03-02T00:00:00.000Z'))).toBe('upcoming');
  });
});
