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

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A date as writers put it after a document number: `ngày 21/3/2023`, `ngày 21-3-2023`, `ngày 21 tháng 3 năm 2023`. */
const DATE_CLAUSE = String.raw`ngày\s+\d{1,2}(?:[/.\-]\d{1,2}[/.\-]\d{4}|\s+tháng\s+\d{1,2}\s+năm\s+\d{4})`;

/**
 * Whether the sentence names the issuer itself right after the symbol (`07/CT-TTg ngày 21/3/2023 của
 * Thủ tướng Chính phủ`): the listener must then hear it once, so the symbol's reading leaves it out.
 * The issuer may still be abbreviated there (`của UBND tỉnh`): abbreviations are expanded later.
 */
const issuerNamedAfter = (rest: string, names: string[]) => {
  const alternatives = names.map((name) => escapeRegExp(name).replace(/\s+/g, '\\s+')).join('|');
  return new RegExp(`^\\s*,?\\s*(?:${DATE_CLAUSE}\\s*,?\\s*)?của\\s+(?:${alternatives})(?![\\p{L}\\p{N}])`, 'iu').test(rest);
};

/** How the issuer may be written in the sentence: its symbol, its full name, its name without "tỉnh". */
const issuerNames = (issuer: string, issuerWords: string) => [issuer, issuerWords, issuerWords.replace(/\s+tỉnh$/u, '')];

const describe = (type: string | undefined, issuer: string, typeAlreadySaid: boolean) => {
  const issuerWords = ISSUERS[issuer] ?? issuer.split('').join(' ');
  const typeWords = type ? DOCUMENT_TYPES[type] : undefined;
  return { issuerWords, typeWords: typeAlreadySaid ? undefined : typeWords };
};

/**
 * Reads document symbols the way a radio announcer does: `Nghị quyết số 12/2024/NQ-HĐND` → "Nghị
 * quyết số mười hai năm hai nghìn không trăm hai mươi tư của Hội đồng nhân dân tỉnh"; a bare
 * `07/CT-TTg` → "chỉ thị số bảy của Thủ tướng Chính phủ"; laws `31/2024/QH15` → "… của Quốc hội khóa
 * mười lăm"; party documents `10-NQ/TU` → "nghị quyết số mười của Tỉnh ủy". When the sentence names the issuer itself right after
 * the symbol (optionally after its date), the issuer is said there only, once.
 */
export const spellDocumentNumbers = (text: string): string =>
  collapseRepeatedType(
    text
    .replace(
      new RegExp(`(?<![\\p{L}\\p{N}/])(số\\s+)?(\\d+)(?:/(\\d{4}))?/QH(\\d{1,2})(?![\\p{L}\\p{N}])`, 'gu'),
      (match: string, so: string | undefined, num: string, year: string | undefined, term: string, offset: number, whole: string) => {
        const issuer = issuerNamedAfter(whole.slice(offset + match.length), ['QH', 'Quốc hội']) ? '' : ` của Quốc hội khóa ${readNumber(term)}`;
        return `${so ? '' : 'luật '}số ${readNumber(num)}${year ? ` năm ${readNumber(year)}` : ''}${issuer}`;
      },
    )
    .replace(
      new RegExp(`(?<![\\p{L}\\p{N}/])(số\\s+)?(\\d+)(?:/(\\d{4}))?/([${LETTERS}]{1,4})-([${LETTERS}]{2,8})(?![\\p{L}\\p{N}])`, 'gu'),
      (match: string, so: string | undefined, num: string, year: string | undefined, type: string, issuer: string, offset: number, whole: string) => {
        if (!DOCUMENT_TYPES[type] && !ISSUERS[issuer]) return match;
        const { issuerWords, typeWords } = describe(type, issuer, Boolean(so));
        const prefix = typeWords ? `${typeWords} số` : 'số';
        const by = issuerNamedAfter(whole.slice(offset + match.length), issuerNames(issuer, issuerWords)) ? '' : ` của ${issuerWords}`;
        return `${prefix} ${readNumber(num)}${year ? ` năm ${readNumber(year)}` : ''}${by}`;
      },
    )
    .replace(
      new RegExp(`(?<![\\p{L}\\p{N}/])(số\\s+)?(\\d+)-([${LETTERS}]{1,4})/([${LETTERS}]{2,8})(?![\\p{L}\\p{N}])`, 'gu'),
      (match: string, so: string | undefined, num: string, type: string, issuer: string, offset: number, whole: string) => {
        if (!DOCUMENT_TYPES[type] && !ISSUERS[issuer]) return match;
        const { issuerWords, typeWords } = describe(type, issuer, Boolean(so));
        const prefix = typeWords ? `${typeWords} số` : 'số';
        const by = issuerNamedAfter(whole.slice(offset + match.length), issuerNames(issuer, issuerWords)) ? '' : ` của ${issuerWords}`;
        return `${prefix} ${readNumber(num)}${by}`;
      },
    ),
  );
