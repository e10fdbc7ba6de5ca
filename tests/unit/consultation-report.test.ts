import { CITIZEN_LABEL, reportRows, summarize, vietnameseDate, whoOf, type ReportFeedback } from '../../src/api/feedback/report';

/** The report's table as pure logic: the date line of Decree 30/2020, the summary, who, and grouping. */

describe('the date line', () => {
  it.each([
    ['2026-12-07T03:00:00Z', 'ngày 07 tháng 12 năm 2026'],
    ['2026-01-05T03:00:00Z', 'ngày 05 tháng 01 năm 2026'],
    ['2026-02-28T03:00:00Z', 'ngày 28 tháng 02 năm 2026'],
    ['2026-03-09T03:00:00Z', 'ngày 09 tháng 3 năm 2026'],
    ['2026-10-10T03:00:00Z', 'ngày 10 tháng 10 năm 2026'],
    // 18:30 UTC on 31 December is already 1 January in Vietnam (UTC+7).
    ['2026-12-31T18:30:00Z', 'ngày 01 tháng 01 năm 2027'],
  ])('writes %s as "%s" (leading zero for days below 10 and for January and February)', (iso, expected) => {
    expect(vietnameseDate(new Date(iso))).toBe(expected);
  });
});

describe('the summary of a comment', () => {
  it('folds whitespace onto one line and keeps a short comment whole', () => {
    expect(summarize('  Đề nghị\n\nbổ sung   đối tượng.  ')).toBe('Đề nghị bổ sung đối tượng.');
  });

  it('cuts a long comment at a word boundary with an ellipsis, counting code points', () => {
    const result = summarize('ừ '.repeat(300), 41);
    expect(result.endsWith('…')).toBe(true);
    expect([...result].length).toBeLessThanOrEqual(42);
    expect(result).not.toMatch(/ …$/);
  });

  it('cuts a long word with no space inside the limit', () => {
    expect(summarize('a'.repeat(50), 10)).toBe(`${'a'.repeat(10)}…`);
  });
});

const feedback = (id: number, overrides: Partial<ReportFeedback> = {}): ReportFeedback => ({ id, content: 'Cùng một ý kiến.', submitterType: 'citizen', ...overrides });

describe('who sent a row', () => {
  it('says "Ý kiến người dân" for an individual, never anything else of theirs', () => {
    expect(whoOf([feedback(1, { organizationName: 'Tên tự khai' })])).toBe(CITIZEN_LABEL);
  });

  it('names organisations once each, then individuals, with the count when grouped', () => {
    const members = [
      feedback(1, { submitterType: 'business', organizationName: 'Công ty A' }),
      feedback(2),
      feedback(3, { submitterType: 'business', organizationName: 'Công ty A' }),
      feedback(4, { submitterType: 'organization', organizationName: '' }),
    ];
    expect(whoOf(members)).toBe('Công ty A; Tổ chức; Ý kiến người dân (4 ý kiến)');
  });
});

describe('the rows', () => {
  it('groups the same content with the same disposition, provision and explanation into one row, numbered in order', () => {
    const rows = reportRows([
      feedback(3, { content: 'CÙNG MỘT Ý KIẾN.', disposition: 'accepted' }),
      feedback(1, { disposition: 'accepted' }),
      feedback(2, { content: 'Khác.' }),
      feedback(4, { disposition: 'noted' }),
    ]);
    expect(rows.map(({ number, count, dispositionLabel, summary }) => ({ number, count, dispositionLabel, summary }))).toEqual([
      { number: 1, count: 2, dispositionLabel: 'Tiếp thu', summary: 'Cùng một ý kiến.' },
      { number: 2, count: 1, dispositionLabel: 'Chưa xử lý', summary: 'Khác.' },
      { number: 3, count: 1, dispositionLabel: 'Ghi nhận', summary: 'Cùng một ý kiến.' },
    ]);
  });
});
