import { expandAbbreviations } from '../../src/api/radio-script/speech/abbreviations';
import { spellDates } from '../../src/api/radio-script/speech/dates';
import { spellDocumentNumbers } from '../../src/api/radio-script/speech/document-numbers';
import { countSyllables, estimateSeconds } from '../../src/api/radio-script/speech/duration';
import { blocksToText, markdownToText } from '../../src/api/radio-script/speech/markup';
import { normaliseForSpeech, SPOKEN_EMAIL, SPOKEN_URL } from '../../src/api/radio-script/speech/normalise';
import { readDigits, readNumber } from '../../src/api/radio-script/speech/number-words';
import { buildRadioScript } from '../../src/api/radio-script/speech/script-template';

describe('Vietnamese number words', () => {
  it.each([
    ['0', 'không'],
    ['1', 'một'],
    ['4', 'bốn'],
    ['5', 'năm'],
    ['10', 'mười'],
    ['11', 'mười một'],
    ['14', 'mười bốn'],
    ['15', 'mười lăm'],
    ['20', 'hai mươi'],
    ['21', 'hai mươi mốt'],
    ['24', 'hai mươi tư'],
    ['25', 'hai mươi lăm'],
    ['31', 'ba mươi mốt'],
    ['55', 'năm mươi lăm'],
    ['100', 'một trăm'],
    ['101', 'một trăm linh một'],
    ['104', 'một trăm linh bốn'],
    ['105', 'một trăm linh năm'],
    ['110', 'một trăm mười'],
    ['115', 'một trăm mười lăm'],
    ['121', 'một trăm hai mươi mốt'],
    ['407', 'bốn trăm linh bảy'],
    ['1000', 'một nghìn'],
    ['1001', 'một nghìn không trăm linh một'],
    ['1014', 'một nghìn không trăm mười bốn'],
    ['2023', 'hai nghìn không trăm hai mươi ba'],
    ['2024', 'hai nghìn không trăm hai mươi tư'],
    ['2025', 'hai nghìn không trăm hai mươi lăm'],
    ['10000', 'mười nghìn'],
    ['100000', 'một trăm nghìn'],
    ['1.250.000', 'một triệu hai trăm năm mươi nghìn'],
    ['50.000.000', 'năm mươi triệu'],
    ['1.000.000.000', 'một tỷ'],
    ['3,5', 'ba phẩy năm'],
  ])('reads %s as "%s"', (written, words) => {
    expect(readNumber(written)).toBe(words);
  });

  it('reads a phone number digit by digit', () => {
    expect(readDigits('0912 345 678')).toBe('không chín một hai ba bốn năm sáu bảy tám');
  });
});

describe('dates', () => {
  it.each([
    ['21/3/2023', 'ngày hai mươi mốt tháng ba năm hai nghìn không trăm hai mươi ba'],
    ['ngày 21/3/2023', 'ngày hai mươi mốt tháng ba năm hai nghìn không trăm hai mươi ba'],
    ['ngày 01/8/2024', 'ngày mùng một tháng tám năm hai nghìn không trăm hai mươi tư'],
    ['30/4/2025', 'ngày ba mươi tháng tư năm hai nghìn không trăm hai mươi lăm'],
    ['2024-08-01', 'ngày mùng một tháng tám năm hai nghìn không trăm hai mươi tư'],
    ['15-12-2024', 'ngày mười lăm tháng mười hai năm hai nghìn không trăm hai mươi tư'],
    ['trước ngày 30/6 hằng năm', 'trước ngày ba mươi tháng sáu hằng năm'],
    ['từ tháng 3/2023', 'từ tháng ba năm hai nghìn không trăm hai mươi ba'],
    ['ngày 10/10/2024', 'ngày mùng mười tháng mười năm hai nghìn không trăm hai mươi tư'],
    ['ngày 11/1/2025', 'ngày mười một tháng một năm hai nghìn không trăm hai mươi lăm'],
  ])('spells %s', (input, spoken) => {
    expect(spellDates(input)).toBe(spoken);
  });

  it('leaves an impossible date alone', () => {
    expect(spellDates('35/13/2024')).toBe('35/13/2024');
  });
});

describe('document symbols', () => {
  it.each([
    ['Chỉ thị số 07/CT-TTg', 'Chỉ thị số bảy của Thủ tướng Chính phủ'],
    ['Quyết định số 407/QĐ-TTg', 'Quyết định số bốn trăm linh bảy của Thủ tướng Chính phủ'],
    ['Nghị quyết số 12/2024/NQ-HĐND', 'Nghị quyết số mười hai năm hai nghìn không trăm hai mươi tư của Hội đồng nhân dân tỉnh'],
    ['Nghị quyết 12/2024/NQ-HĐND', 'Nghị quyết số mười hai năm hai nghìn không trăm hai mươi tư của Hội đồng nhân dân tỉnh'],
    ['theo 07/CT-TTg', 'theo chỉ thị số bảy của Thủ tướng Chính phủ'],
    ['Quyết định số 56/2024/QĐ-UBND', 'Quyết định số năm mươi sáu năm hai nghìn không trăm hai mươi tư của Ủy ban nhân dân tỉnh'],
    ['Kế hoạch số 298/KH-UBND', 'Kế hoạch số hai trăm chín mươi tám của Ủy ban nhân dân tỉnh'],
    ['Nghị quyết số 10-NQ/TU', 'Nghị quyết số mười của Tỉnh ủy'],
    ['Luật Đất đai số 31/2024/QH15', 'Luật Đất đai số ba mươi mốt năm hai nghìn không trăm hai mươi tư của Quốc hội khóa mười lăm'],
    ['Thông tư số 39/2020/TT-BTTTT', 'Thông tư số ba mươi chín năm hai nghìn không trăm hai mươi của Bộ Thông tin và Truyền thông'],
  ])('reads %s', (input, spoken) => {
    expect(spellDocumentNumbers(input)).toBe(spoken);
  });
});

describe('abbreviations', () => {
  it.each([
    ['UBND tỉnh', 'Ủy ban nhân dân tỉnh'],
    ['HĐND huyện', 'Hội đồng nhân dân huyện'],
    ['Sở TT&TT', 'Sở Thông tin và Truyền thông'],
    ['Sở GD&ĐT', 'Sở Giáo dục và Đào tạo'],
    ['học sinh THPT', 'học sinh trung học phổ thông'],
    ['các HTX', 'các hợp tác xã'],
    ['phát triển KT-XH', 'phát triển kinh tế – xã hội'],
    ['UBMTTQ tỉnh', 'Ủy ban Mặt trận Tổ quốc tỉnh'],
    ['TP. Lào Cai', 'thành phố Lào Cai'],
  ])('expands %s', (input, spoken) => {
    expect(expandAbbreviations(input)).toBe(spoken);
  });

  it('does not touch letters inside a word', () => {
    expect(expandAbbreviations('CTCP và NQA')).toBe('CTCP và NQA');
  });
});

describe('markup', () => {
  it('flattens headings, emphasis, links and bullets', () => {
    expect(markdownToText('## Tiêu đề\n**Mức** hỗ trợ [xem](https://x.vn)\n- Mục một\n- Mục hai')).toBe(
      'Tiêu đề\nMức hỗ trợ xem\nMục một.\nMục hai.',
    );
  });

  it('turns a table into one sentence per row', () => {
    expect(markdownToText('| Đối tượng | Mức |\n|---|---|\n| Hộ nghèo | 60 triệu |')).toBe('Đối tượng, Mức.\nHộ nghèo, 60 triệu.');
  });

  it('flattens Strapi blocks into sentences', () => {
    const blocks = [
      { type: 'heading', level: 2, children: [{ type: 'text', text: 'Đối tượng' }] },
      { type: 'paragraph', children: [{ type: 'text', text: 'Hộ gia đình ' }, { type: 'link', url: 'https://a.vn', children: [{ type: 'text', text: 'vùng cao' }] }] },
      { type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [{ type: 'text', text: 'Hỗ trợ giống' }] }] },
      { type: 'image', image: {} },
    ];
    expect(blocksToText(blocks)).toBe('Đối tượng.\n\nHộ gia đình vùng cao.\n\nHỗ trợ giống.');
  });
});

describe('the whole normalisation', () => {
  it.each([
    ['100 % chính sách', 'một trăm phần trăm chính sách'],
    ['100% cơ quan', 'một trăm phần trăm cơ quan'],
    ['hỗ trợ 1.250.000 đồng', 'hỗ trợ một triệu hai trăm năm mươi nghìn đồng'],
    ['tối đa 50.000.000đ', 'tối đa năm mươi triệu đồng'],
    ['75.000 đồng/lượt', 'bảy mươi lăm nghìn đồng một lượt'],
    ['tối đa 400 m²', 'tối đa bốn trăm mét vuông'],
    ['cách trường 12 km', 'cách trường mười hai ki-lô-mét'],
    ['10.000.000 đồng/ha', 'mười triệu đồng một héc-ta'],
    ['giai đoạn 2025 – 2030', 'giai đoạn hai nghìn không trăm hai mươi lăm đến hai nghìn không trăm ba mươi'],
    ['gọi 0912345678', 'gọi không chín một hai ba bốn năm sáu bảy tám'],
    ['gọi +84912345678', 'gọi không chín một hai ba bốn năm sáu bảy tám'],
    ['lúc 8h30', 'lúc tám giờ ba mươi phút'],
    ['lúc 14:00', 'lúc mười bốn giờ'],
    ['lần thứ 4', 'lần thứ tư'],
    ['Quốc hội khóa XV', 'Quốc hội khóa mười lăm'],
    ['tăng 3,5 %', 'tăng ba phẩy năm phần trăm'],
  ])('reads "%s"', (input, spoken) => {
    expect(normaliseForSpeech(input)).toBe(spoken);
  });

  it('replaces web and e-mail addresses by a spoken instruction', () => {
    expect(normaliseForSpeech('Xem tại https://laocai.gov.vn/chinh-sach.')).toBe(`Xem tại ${SPOKEN_URL}.`);
    expect(normaliseForSpeech('Gửi thư tới gopy@laocai.gov.vn')).toBe(`Gửi thư tới ${SPOKEN_EMAIL}`);
    expect(normaliseForSpeech('Truy cập laocai.gov.vn để biết thêm')).toBe(`Truy cập ${SPOKEN_URL} để biết thêm`);
  });

  it('reads the Directive 07 sentence of the source plan, naming the Prime Minister once', () => {
    const spoken = normaliseForSpeech('Chỉ thị số 07/CT-TTg ngày 21/3/2023 của Thủ tướng Chính phủ');
    expect(spoken).toBe('Chỉ thị số bảy ngày hai mươi mốt tháng ba năm hai nghìn không trăm hai mươi ba của Thủ tướng Chính phủ');
    expect(spoken.match(/Thủ tướng Chính phủ/g)).toHaveLength(1);
  });

  it.each([
    ['Quyết định số 407/QĐ-TTg của Thủ tướng Chính phủ', 'Quyết định số bốn trăm linh bảy của Thủ tướng Chính phủ'],
    ['Nghị quyết số 12/2024/NQ-HĐND ngày 12 tháng 7 năm 2024 của HĐND tỉnh', 'Nghị quyết số mười hai năm hai nghìn không trăm hai mươi tư ngày mười hai tháng bảy năm hai nghìn không trăm hai mươi tư của Hội đồng nhân dân tỉnh'],
    ['Kế hoạch số 298/KH-UBND, ngày 5/1/2025, của UBND tỉnh', 'Kế hoạch số hai trăm chín mươi tám, ngày mùng năm tháng một năm hai nghìn không trăm hai mươi lăm, của Ủy ban nhân dân tỉnh'],
    ['Nghị quyết số 10-NQ/TU của Tỉnh ủy', 'Nghị quyết số mười của Tỉnh ủy'],
    ['Luật Đất đai số 31/2024/QH15 của Quốc hội', 'Luật Đất đai số ba mươi mốt năm hai nghìn không trăm hai mươi tư của Quốc hội'],
  ])('says the issuer once when the sentence names it after the symbol: %s', (written, spoken) => {
    expect(normaliseForSpeech(written)).toBe(spoken);
  });

  it('still names the issuer when the sentence goes on about someone else', () => {
    expect(normaliseForSpeech('Quyết định số 407/QĐ-TTg của tỉnh Lào Cai')).toBe('Quyết định số bốn trăm linh bảy của Thủ tướng Chính phủ của tỉnh Lào Cai');
  });

  it('normalises decomposed Vietnamese to NFC and drops control characters', () => {
    const decomposed = 'Hô\u0323 nghe\u0300o\u0007';
    expect(normaliseForSpeech(decomposed)).toBe('Hộ nghèo');
  });

  it('leaves no digit, slash, percent sign or markup behind in a realistic paragraph', () => {
    const text = normaliseForSpeech(
      '## Mức hỗ trợ\n- Tối đa **50.000.000 đồng**/hộ theo Nghị quyết số 12/2024/NQ-HĐND, áp dụng từ 01/8/2024.\n- 100 % kinh phí tập huấn (do UBND xã tổ chức).',
    );
    expect(text).not.toMatch(/[\d/%*#]/);
    expect(text).toContain('năm mươi triệu đồng');
    expect(text).toContain('Ủy ban nhân dân xã');
  });
});

describe('duration estimate', () => {
  it('counts one syllable per word and splits hyphenated loan words', () => {
    expect(countSyllables('Kính thưa toàn thể nhân dân')).toBe(6);
    expect(countSyllables('mười hai ki-lô-mét, và… 3')).toBe(7);
    expect(countSyllables('  ')).toBe(0);
  });

  it('turns syllables into whole seconds at the configured pace', () => {
    const words = Array.from({ length: 160 }, () => 'dân').join(' ');
    expect(estimateSeconds(words)).toBe(60);
    expect(estimateSeconds(words, 120)).toBe(80);
    expect(estimateSeconds('một hai ba')).toBe(2);
    expect(estimateSeconds('')).toBe(0);
    expect(estimateSeconds(words, 0)).toBe(60);
  });
});

describe('generated radio script', () => {
  const script = buildRadioScript({
    title: 'Chính sách hỗ trợ phát triển du lịch cộng đồng',
    documentNumber: '12/2024/NQ-HĐND',
    summary: 'Hộ gia đình làm du lịch cộng đồng được hỗ trợ tới 50.000.000 đồng.',
    body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Hồ sơ nộp tại UBND xã trước ngày 30/6 hằng năm.' }] }],
    stage: 'implementing',
    issuer: 'provincial-people-council',
    issuedAt: '2024-07-12',
    effectiveFrom: '2024-08-01',
    audiences: ['Người dân', 'Đồng bào dân tộc thiểu số'],
    leadAgency: 'Sở Văn hóa, Thể thao và Du lịch',
    focalPoint: { fullName: 'Lê Quang Phong', position: 'Phó Giám đốc' },
  });

  it('opens with the greeting and closes with thanks', () => {
    expect(script.startsWith('Kính thưa toàn thể nhân dân!')).toBe(true);
    expect(script.endsWith('Đài truyền thanh xin cảm ơn bà con đã lắng nghe!')).toBe(true);
  });

  it('says who issued it, who it affects, from when, and where to ask', () => {
    expect(script).toContain('Hội đồng nhân dân tỉnh ban hành');
    expect(script).toContain('người dân, đồng bào dân tộc thiểu số');
    expect(script).toContain('có hiệu lực từ ngày mùng một tháng tám năm hai nghìn không trăm hai mươi tư');
    expect(script).toContain('người phụ trách là Phó Giám đốc Lê Quang Phong');
    expect(script).toContain('Ủy ban nhân dân xã trước ngày ba mươi tháng sáu hằng năm');
  });

  it('repeats the key message and is fully spelled out for reading aloud', () => {
    expect(script.match(/năm mươi triệu đồng/g)).toHaveLength(2);
    expect(script).not.toMatch(/\d/);
  });
});
