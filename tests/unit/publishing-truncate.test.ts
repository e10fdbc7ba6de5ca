import { ELLIPSIS, truncateAtWord } from '../../src/plugins/multichannel-publishing/server/src/utils/truncate';

describe('truncation at a word boundary', () => {
  it('returns a text that fits unchanged (trimmed)', () => {
    expect(truncateAtWord('Chính sách hỗ trợ', 150)).toBe('Chính sách hỗ trợ');
    expect(truncateAtWord('  có khoảng trắng  ', 150)).toBe('có khoảng trắng');
    expect(truncateAtWord('abc', 3)).toBe('abc');
  });

  it('cuts between words and ends with an ellipsis within the limit', () => {
    const text = 'Nghị quyết quy định chính sách hỗ trợ phát triển sản xuất nông nghiệp hàng hóa tập trung';
    const cut = truncateAtWord(text, 40);
    expect(Array.from(cut).length).toBeLessThanOrEqual(40);
    expect(cut.endsWith(ELLIPSIS)).toBe(true);
    expect(cut).toBe('Nghị quyết quy định chính sách hỗ trợ…');
    expect(text.startsWith(cut.slice(0, -1))).toBe(true);
    expect(text[cut.length - 1]).toBe(' ');
  });

  it('keeps a word that ends exactly at the limit', () => {
    expect(truncateAtWord('một hai ba bốn', 11)).toBe('một hai ba…');
    expect(truncateAtWord('một hai ba', 9)).toBe('một hai…');
  });

  it('counts a Vietnamese letter with its tone mark once, even when written with combining marks', () => {
    const decomposed = 'Hỗ trợ người dân tộc thiểu số'.normalize('NFD');
    expect(decomposed.length).toBeGreaterThan(29);
    expect(truncateAtWord(decomposed, 29)).toBe('Hỗ trợ người dân tộc thiểu số'.normalize('NFC'));
    const cut = truncateAtWord(decomposed, 20);
    expect(cut).toBe('Hỗ trợ người dân…');
    expect(cut).toBe(cut.normalize('NFC'));
  });

  it('drops punctuation left dangling before the ellipsis', () => {
    expect(truncateAtWord('Sở Tư pháp, Sở Nội vụ, Sở Tài chính', 24)).toBe('Sở Tư pháp, Sở Nội vụ…');
    expect(truncateAtWord('Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng', 10)).toBe('Điều 1…');
    expect(truncateAtWord('Hỗ trợ - vay vốn ưu đãi', 9)).toBe('Hỗ trợ…');
  });

  it('cuts inside a single word longer than the limit rather than failing', () => {
    const cut = truncateAtWord('https://congthongtin.laocai.gov.vn/chinh-sach/nghi-quyet-12-2024', 20);
    expect(Array.from(cut)).toHaveLength(20);
    expect(cut.endsWith(ELLIPSIS)).toBe(true);
  });

  it('treats newlines and tabs as word boundaries', () => {
    expect(truncateAtWord('Dòng thứ nhất\nDòng thứ hai dài hơn', 16)).toBe('Dòng thứ nhất…');
  });

  it('meets Zalo’s limits for long Vietnamese texts', () => {
    const sentence = 'Người dân được hỗ trợ vay vốn, đào tạo nghề và chuyển đổi sinh kế bền vững. ';
    for (const limit of [50, 150, 300]) {
      const cut = truncateAtWord(sentence.repeat(10), limit);
      expect(Array.from(cut).length).toBeLessThanOrEqual(limit);
      expect(Array.from(cut).length).toBeGreaterThan(limit - 15);
      expect(cut.endsWith(ELLIPSIS)).toBe(true);
    }
  });

  it('handles limits no longer than the ellipsis', () => {
    expect(truncateAtWord('abcdef', 1)).toBe(ELLIPSIS);
    expect(truncateAtWord('ab cd', 2)).toBe('a…');
  });
});
