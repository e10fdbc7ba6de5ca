import crypto from 'crypto';
import { generateTrackingCode, normalizeTrackingCode } from '../../src/api/feedback/codes';
import { normalizeShortCode } from '../../src/lib/short-codes';
import { TRACKING_CODE_PATTERN } from '../../src/api/feedback/constants';
import { allowedNextStatuses, assertStatusRequirements, assertTransition, daysOverdue, isOverdue } from '../../src/api/feedback/moderation';
import { characterCount, cleanLine, cleanText, contentGroupKey, duplicateKey, normalizeVietnamesePhone } from '../../src/api/feedback/text';
import { assertDispositionRequirements } from '../../src/api/feedback/dispositions';
import { isFreshTimestamp, isValidZaloSignature, zaloSignature } from '../../src/api/feedback/zalo-signature';
import { neutralizeFormula } from '../../src/api/feedback/services/export';

describe('plain-text cleaning', () => {
  it.each([
    ['composes decomposed Vietnamese (NFC)', 'Tiếng Việt'.normalize('NFD'), 'Tiếng Việt'],
    ['removes NUL, bell and DEL', 'a\u0000b\u0007c\u007Fd', 'abcd'],
    ['keeps tabs and line feeds, turns CRLF and CR into LF', 'a\tb\r\nc\rd', 'a\tb\nc\nd'],
    ['removes bidi overrides', 'abc\u202Edef\u2066', 'abcdef'],
    ['replaces lone surrogates', 'a\uD800b', 'a\uFFFDb'],
    ['trims', '  xin chào \n', 'xin chào'],
    ['leaves HTML as text', '<script>alert(1)</script>', '<script>alert(1)</script>'],
  ])('%s', (_label, input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });

  it('collapses whitespace in one-line values and counts code points', () => {
    expect(cleanLine(' Nguyễn \n  Văn\tA ')).toBe('Nguyễn Văn A');
    expect(characterCount('👍🏽ab')).toBe(4);
  });
});

describe('Vietnamese phone numbers', () => {
  it.each([
    ['0912345678', '0912345678'],
    ['+84912345678', '0912345678'],
    ['+84 91 234 5678', '0912345678'],
    ['84912345678', '0912345678'],
    ['091.234.5678', '0912345678'],
    ['02143840888', '02143840888'],
    ['0112345678', null],
    ['091234567', null],
    ['+1 555 123 4567', null],
    ['không có', null],
  ])('%s → %s', (input, expected) => {
    expect(normalizeVietnamesePhone(input)).toBe(expected);
  });
});

describe('duplicate keys', () => {
  const target = { type: 'policy' as const, documentId: 'abc' };
  it('match across Unicode forms, case and spacing, and differ by contact, target and content', () => {
    const key = duplicateKey(target, { email: 'a@b.vn' }, 'Đề nghị  hỗ trợ');
    expect(duplicateKey(target, { email: 'A@B.vn' }, ' đề nghị hỗ trợ'.normalize('NFD'))).toBe(key);
    expect(duplicateKey(target, { email: 'c@b.vn' }, 'Đề nghị hỗ trợ')).not.toBe(key);
    expect(duplicateKey({ ...target, documentId: 'xyz' }, { email: 'a@b.vn' }, 'Đề nghị hỗ trợ')).not.toBe(key);
    expect(duplicateKey(target, { email: 'a@b.vn' }, 'Đề nghị hỗ trợ thêm')).not.toBe(key);
    expect(duplicateKey(target, { ip: '1.2.3.4' }, 'x')).not.toBe(duplicateKey(target, { ip: '1.2.3.5' }, 'x'));
  });
});

describe('codes', () => {
  it('makes tracking codes in the GY-XXXX-XXXX format without look-alike characters', () => {
    const codes = Array.from({ length: 2000 }, generateTrackingCode);
    for (const code of codes) {
      expect(code).toMatch(TRACKING_CODE_PATTERN);
      expect(code.slice(3)).not.toMatch(/[01ILOUV]/);
    }
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('normalises what people type', () => {
    expect(normalizeTrackingCode(' gy-7k3m-q9tx ')).toBe('GY-7K3M-Q9TX');
    expect(normalizeShortCode('dt-7k3m')).toBe('DT7K3M');
  });
});

describe('moderation transitions', () => {
  it.each([
    ['received', 'assigned', true],
    ['received', 'rejected', true],
    ['received', 'answered', false],
    ['received', 'closed', false],
    ['assigned', 'answered', true],
    ['assigned', 'rejected', true],
    ['assigned', 'received', false],
    ['answered', 'closed', true],
    ['answered', 'rejected', false],
    ['closed', 'received', false],
    ['rejected', 'received', false],
  ] as const)('%s → %s allowed: %s', (from, to, allowed) => {
    const check = () => assertTransition(from, to);
    if (allowed) expect(check).not.toThrow();
    else expect(check).toThrow(/cannot go from/);
  });

  it('names the allowed next statuses', () => {
    expect(allowedNextStatuses('received')).toEqual(['assigned', 'rejected']);
    expect(() => assertTransition('received', 'closed')).toThrow('allowed next: assigned, rejected');
  });

  it('requires a reason, an agency and a response where due', () => {
    expect(() => assertStatusRequirements({ moderationStatus: 'rejected', hasRespondingAgency: false })).toThrow(/rejectionReason/);
    expect(() => assertStatusRequirements({ moderationStatus: 'rejected', rejectionReason: 'spam', hasRespondingAgency: false })).not.toThrow();
    expect(() => assertStatusRequirements({ moderationStatus: 'assigned', hasRespondingAgency: false })).toThrow(/respondingAgency/);
    expect(() => assertStatusRequirements({ moderationStatus: 'answered', hasRespondingAgency: true, response: '  ' })).toThrow(/response/);
    expect(() => assertStatusRequirements({ moderationStatus: 'closed', hasRespondingAgency: true, response: 'Đã trả lời' })).not.toThrow();
  });
});

describe('overdue', () => {
  const now = new Date('2026-06-15T12:00:00Z');
  it.each([
    ['received', '2026-06-15T11:59:59Z', true],
    ['assigned', '2026-06-01T00:00:00Z', true],
    ['received', '2026-06-15T12:00:01Z', false],
    ['answered', '2026-06-01T00:00:00Z', false],
    ['closed', '2026-06-01T00:00:00Z', false],
    ['rejected', '2026-06-01T00:00:00Z', false],
    ['received', null, false],
  ])('%s due %s is overdue: %s', (status, dueAt, expected) => {
    expect(isOverdue({ moderationStatus: status, dueAt }, now)).toBe(expected);
  });

  it('counts whole days late', () => {
    expect(daysOverdue('2026-06-05T12:00:00Z', now)).toBe(10);
    expect(daysOverdue('2026-06-15T00:00:00Z', now)).toBe(0);
  });
});

describe('Zalo signatures', () => {
  const input = { appId: '123', secretKey: 'secret', rawBody: '{"a":"Tiếng Việt"}', timestamp: '1750000000000' };
  const expected = `mac=${crypto.createHash('sha256').update(`123${input.rawBody}1750000000000secret`).digest('hex')}`;

  it('is sha256 of appId + raw body + timestamp + secret, with or without the mac= prefix', () => {
    expect(zaloSignature(input)).toBe(expected);
    expect(isValidZaloSignature({ ...input, header: expected })).toBe(true);
    expect(isValidZaloSignature({ ...input, header: expected.slice(4).toUpperCase() })).toBe(true);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['of another body', zaloSignature({ ...input, rawBody: '{}' })],
    ['truncated', expected.slice(0, -1)],
  ])('refuses a signature that is %s', (_label, header) => {
    expect(isValidZaloSignature({ ...input, header })).toBe(false);
  });

  it('accepts timestamps within the tolerance only', () => {
    const now = new Date(1_750_000_000_000);
    expect(isFreshTimestamp('1750000000000', 300, now)).toBe(true);
    expect(isFreshTimestamp(String(1_750_000_000_000 - 301_000), 300, now)).toBe(false);
    expect(isFreshTimestamp(String(1_750_000_000_000 + 301_000), 300, now)).toBe(false);
    expect(isFreshTimestamp('soon', 300, now)).toBe(false);
  });
});

describe('CSV formula neutralisation', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+84912', "'+84912"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['Ý kiến bình thường', 'Ý kiến bình thường'],
  ])('%s → %s', (input, expected) => {
    expect(neutralizeFormula(input)).toBe(expected);
  });
});

describe('groups of duplicates', () => {
  it.each([
    ['case', 'Đề nghị GIỮ NGUYÊN mức hỗ trợ.', 'đề nghị giữ nguyên mức hỗ trợ.'],
    ['whitespace and line breaks', ' Đề nghị  giữ nguyên\r\nmức hỗ trợ. ', 'Đề nghị giữ nguyên mức hỗ trợ.'],
    ['composed or decomposed Vietnamese', 'Đề nghị giữ nguyên mức hỗ trợ.'.normalize('NFD'), 'Đề nghị giữ nguyên mức hỗ trợ.'],
  ])('puts texts differing only by %s in one group', (_, a, b) => {
    expect(contentGroupKey(a)).toBe(contentGroupKey(b));
  });

  it('keeps different words, or different punctuation, apart', () => {
    expect(contentGroupKey('Đề nghị giữ nguyên mức hỗ trợ lần 1.')).not.toBe(contentGroupKey('Đề nghị giữ nguyên mức hỗ trợ lần 2.'));
    expect(contentGroupKey('Đồng ý.')).not.toBe(contentGroupKey('Đồng ý!'));
    expect(contentGroupKey('a')).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('what a disposition needs', () => {
  const fieldOf = (state: Parameters<typeof assertDispositionRequirements>[0]) => {
    try {
      assertDispositionRequirements(state);
      return null;
    } catch (error) {
      return (error as { details: { errors: Array<{ path: string[] }> } }).details.errors[0].path.join('.');
    }
  };

  it.each([
    ['no disposition at all', { disposition: null, onConsultationDraft: false }, null],
    ['an empty one from a form', { disposition: '', onConsultationDraft: true }, null],
    ['accepted without explanation', { disposition: 'accepted', onConsultationDraft: true }, null],
    ['not-accepted with an explanation', { disposition: 'not-accepted', explanation: 'Vì lý do ngân sách.', onConsultationDraft: true }, null],
    ['not-accepted without one', { disposition: 'not-accepted', onConsultationDraft: true }, 'explanation'],
    ['not-accepted with blanks only', { disposition: 'not-accepted', explanation: ' \n\t', onConsultationDraft: true }, 'explanation'],
    ['an unknown value', { disposition: 'rejected', onConsultationDraft: true }, 'disposition'],
    ['feedback on a policy', { disposition: 'noted', onConsultationDraft: false }, 'disposition'],
  ])('%s → %s', (_, state, field) => {
    expect(fieldOf(state)).toBe(field);
  });
});
