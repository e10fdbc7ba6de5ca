import { readNumber } from './number-words';

/** What the letters before the dash of a document symbol mean (`NQ` in `12/2024/NQ-HĐND`). */
export const DOCUMENT_TYPES: Readonly<Record<string, string>> = {
  NQ: 'nghị quyết',
  QĐ: 'quyết định',
  CT: 'chỉ thị',
  NĐ: 'nghị định',
  TT: 'thông tư',
  KH: 'kế hoạch',
  TB: 'thông báo',
  CV: 'công văn',
  HD: 'hướng dẫn',
  BC: 'báo cáo',
  QC: 'quy chế',
  QĐi: 'quy định',
  KL: 'kết luận',
};

/** Who issued it: the part after the dash (`HĐND` in `12/2024/NQ-HĐND`). */
export const ISSUERS: Readonly<Record<string, string>> = {
  TTg: 'Thủ tướng Chính phủ',
  CP: 'Chính phủ',
  HĐND: 'Hội đồng nhân dân tỉnh',
  UBND: 'Ủy ban nhân dân tỉnh',
  TU: 'Tỉnh ủy',
  TW: 'Ban Chấp hành Trung ương',
  BTTTT: 'Bộ Thông tin và Truyền thông',
  BTC: 'Bộ Tài chính',
  BCT: 'Bộ Công Thương',
  BYT: 'Bộ Y tế',
  BGDĐT: 'Bộ Giáo dục và Đào tạo',
  BNNPTNT: 'Bộ Nông nghiệp và Phát triển nông thôn',
  BNNMT: 'Bộ Nông nghiệp và Môi trường',
  BVHTTDL: 'Bộ Văn hóa, Thể thao và Du lịch',
  BTP: 'Bộ Tư pháp',
  BNV: 'Bộ Nội vụ',
  BCA: 'Bộ Công an',
  VPCP: 'Văn phòng Chính phủ',
};

const LETTERS = 'A-Za-zĐđ';

const TYPE_WORDS = [...new Set(Object.values(DOCUMENT_TYPES)), 'luật'];
const REPEATED_TYPE = new RegExp(`(?<![\\p{L}])(${TYPE_WORDS.join('|')})\\s+\\1\\s+số`, 'giu');

/** "Nghị quyết 12/2024/NQ-HĐND" must not become "Nghị quyết nghị quyết số …". */
const collapseRepeatedType = (text: string) => text.replace(REPEATED_TYPE, '$1 số');

const describe = (type: string | undefined, issuer: string, typeAlreadySaid: boolean) => {
  const issuerWords = ISSUERS[issuer] ?? issuer.split('').join(' ');
  const typeWords = type ? DOCUMENT_TYPES[type] : undefined;
  return { issuerWords, typeWords: typeAlreadySaid ? undefined : typeWords };
};

/**
 * Reads document symbols the way a radio announcer does: `Nghị quyết số 12/2024/NQ-HĐND` → "Nghị
 * quyết số mười hai năm hai nghìn không trăm hai mươi tư của Hội đồng nhân dân tỉnh"; a bare
 * `07/CT-TTg` → "chỉ thị số bảy của Thủ tướng Chính phủ"; laws `31/2024/QH15` → "… của Quốc hội khóa
 * mười lăm"; party documents `10-NQ/TU` → "nghị quyết số mười của Tỉnh ủy".
 */
export const spellDocumentNumbers = (text: string): string =>
  collapseRepeatedType(
    text
    .replace(
      new RegExp(`(?<![\\p{L}\\p{N}/])(số\\s+)?(\\d+)(?:/(\\d{4}))?/QH(\\d{1,2})(?![\\p{L}\\p{N}])`, 'gu'),
      (_match, so: string | undefined, num: string, year: string | undefined, term: string) =>
        `${so ? '' : 'luật '}số ${readNumber(num)}${year ? ` năm ${readNumber(year)}` : ''} của Quốc hội khóa ${readNumber(term)}`,
    )
    .replace(
      new RegExp(`(?<![\\p{L}\\p{N}/])(số\\s+)?(\\d+)(?:/(\\d{4}))?/([${LETTERS}]{1,4})-([${LETTERS}]{2,8})(?![\\p{L}\\p{N}])`, 'gu'),
      (match, so: string | undefined, num: string, year: string | undefined, type: string, issuer: string) => {
        if (!DOCUMENT_TYPES[type] && !ISSUERS[issuer]) return match;
        const { issuerWords, typeWords } = describe(type, issuer, Boolean(so));
        const prefix = typeWords ? `${typeWords} số` : 'số';
        return `${prefix} ${readNumber(num)}${year ? ` năm ${readNumber(year)}` : ''} của ${issuerWords}`;
      },
    )
    .replace(
      new RegExp(`(?<![\\p{L}\\p{N}/])(số\\s+)?(\\d+)-([${LETTERS}]{1,4})/([${LETTERS}]{2,8})(?![\\p{L}\\p{N}])`, 'gu'),
      (match, so: string | undefined, num: string, type: string, issuer: string) => {
        if (!DOCUMENT_TYPES[type] && !ISSUERS[issuer]) return match;
        const { issuerWords, typeWords } = describe(type, issuer, Boolean(so));
        const prefix = typeWords ? `${typeWords} số` : 'số';
        return `${prefix} ${readNumber(num)} của ${issuerWords}`;
      },
    ),
  );
