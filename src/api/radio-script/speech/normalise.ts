import { expandAbbreviations } from './abbreviations';
import { spellDates } from './dates';
import { spellDocumentNumbers } from './document-numbers';
import { markdownToText } from './markup';
import { readDigits, readNumber } from './number-words';

/** Said instead of a web address or an e-mail address, which cannot be dictated over a loudspeaker. */
export const SPOKEN_URL = 'trang thông tin điện tử, địa chỉ đăng trên Cổng thông tin điện tử tỉnh';
export const SPOKEN_EMAIL = 'hộp thư điện tử, địa chỉ đăng trên Cổng thông tin điện tử tỉnh';

const NUMBER = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?`;
const NOT_AFTER = String.raw`(?<![\p{L}\p{N}.,])`;
const NOT_BEFORE = String.raw`(?![\p{L}\p{N}])`;

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
const romanToNumber = (roman: string) => {
  let total = 0;
  for (let index = 0; index < roman.length; index += 1) {
    const value = ROMAN[roman[index]];
    const nextValue = ROMAN[roman[index + 1]] ?? 0;
    total += value < nextValue ? -value : value;
  }
  return total;
};

const replaceAddresses = (text: string) =>
  text
    .replace(/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu, SPOKEN_EMAIL)
    .replace(/\b(?:https?:\/\/|www\.)[^\s<>()]+[^\s<>().,;:!?]/giu, SPOKEN_URL)
    .replace(/\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:gov\.vn|edu\.vn|org\.vn|com\.vn|vn|com|net|org)\b(?:\/[^\s]*[^\s.,;:!?])?/giu, SPOKEN_URL);

const spellTimes = (text: string) =>
  text
    .replace(/(?<![\p{L}\p{N}])(\d{1,2})\s?(?:h|giờ)\s?(\d{2})(?:\s?phút)?(?![\p{L}\p{N}])/gu, (match, h, m) =>
      Number(h) < 24 && Number(m) < 60 ? `${readNumber(String(Number(h)))} giờ ${readNumber(String(Number(m)))} phút` : match,
    )
    .replace(/(?<![\p{L}\p{N}:])(\d{1,2}):(\d{2})(?![\p{N}:])/gu, (match, h, m) =>
      Number(h) < 24 && Number(m) < 60
        ? `${readNumber(String(Number(h)))} giờ${Number(m) ? ` ${readNumber(String(Number(m)))} phút` : ''}`
        : match,
    )
    .replace(/(?<![\p{L}\p{N}])(\d{1,2})h(?![\p{L}\p{N}])/gu, (match, h) => (Number(h) < 24 ? `${readNumber(h)} giờ` : match));

/** Units written after a number (or after a slash: "đồng/ha"), with how they are read. */
const UNITS: Array<[RegExp, string]> = [
  [/(?:đồng|đ|VNĐ|VND)/, 'đồng'],
  [/(?:m²|m2)/, 'mét vuông'],
  [/km/, 'ki-lô-mét'],
  [/ha/, 'héc-ta'],
  [/kg/, 'ki-lô-gam'],
  [/m/, 'mét'],
];

const spellMeasures = (text: string) => {
  let result = text.replace(new RegExp(`${NOT_AFTER}(${NUMBER})\\s*%`, 'gu'), '$1 phần trăm');
  for (const [unit, words] of UNITS) {
    result = result
      .replace(new RegExp(`${NOT_AFTER}(${NUMBER})\\s*${unit.source}${NOT_BEFORE}`, 'gu'), `$1 ${words}`)
      .replace(new RegExp(`(?<=\\p{L})\\s*/\\s*${unit.source}${NOT_BEFORE}`, 'gu'), ` một ${words}`);
  }
  // "đồng/lượt", "người/hộ": a slash after a unit or a counted noun reads "một" (per).
  return result.replace(/(đồng|mét vuông|ki-lô-mét|héc-ta|ki-lô-gam|mét|người|hộ)\s*\/\s*(\p{L}+)/gu, '$1 một $2');
};

const spellNumbers = (text: string) =>
  text
    // Phone numbers are read digit by digit, +84 as the leading zero callers dial.
    .replace(/(?<![\p{L}\p{N}])(?:\+84|0)(?:[\s.]?\d){9,10}(?![\p{N}])/gu, (phone) =>
      readDigits(phone.startsWith('+84') ? `0${phone.slice(3)}` : phone),
    )
    .replace(/(?<![\p{L}\p{N}])(khóa|kỳ họp|chương|phần|mục)\s+([IVXLC]+)(?![\p{L}\p{N}])/gu, (_m, word, roman) =>
      `${word} ${readNumber(String(romanToNumber(roman)))}`,
    )
    .replace(/(?<![\p{L}])thứ\s+1(?![\p{N}])/gu, 'thứ nhất')
    .replace(/(?<![\p{L}])thứ\s+4(?![\p{N}])/gu, 'thứ tư')
    .replace(new RegExp(`${NOT_AFTER}(${NUMBER})\\s*[–—-]\\s*(${NUMBER})${NOT_BEFORE}`, 'gu'), '$1 đến $2')
    .replace(new RegExp(`${NOT_AFTER}(\\d+)\\.(\\d{1,2})(?![\\p{N}.,])`, 'gu'), '$1,$2')
    .replace(new RegExp(`${NOT_AFTER}(${NUMBER})(?![\\p{N}])`, 'gu'), (number) => readNumber(number));

const tidy = (text: string) =>
  text
    .replace(/\s*&\s*/g, ' và ')
    .replace(/và\s*\/\s*hoặc/gu, 'và hoặc')
    .replace(/[“”"«»]/g, '')
    .replace(/\s*[([]\s*/g, ', ')
    .replace(/\s*[)\]]\s*/g, ', ')
    .replace(/\s+[–—-]\s+/g, ', ')
    .replace(/\s*\/\s*/g, ' ')
    .replace(/[*_#`|<>~^]/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/ ?, ?([.!?;:])/g, '$1')
    .replace(/,(\s*,)+/g, ',')
    .replace(/ +([.,!?;:])/g, '$1')
    .replace(/([.,!?;:])(?=\p{L})/gu, '$1 ')
    .replace(/\n{3,}/g, '\n\n')
    .split('\n')
    .map((line) => line.trim().replace(/^,\s*/, ''))
    .join('\n')
    .trim();

/**
 * Turns a policy text into something an announcer (or espeak-ng) can read aloud: Unicode NFC,
 * Markdown and tables flattened, web and e-mail addresses replaced by a spoken instruction,
 * document symbols, dates, times, measures and numbers spelled out, administrative abbreviations
 * expanded. Pure: same input, same output.
 */
export const normaliseForSpeech = (input: string): string => {
  let text = input.normalize('NFC').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
  text = markdownToText(text);
  text = replaceAddresses(text);
  text = spellDocumentNumbers(text);
  text = spellDates(text);
  text = spellTimes(text);
  text = spellMeasures(text);
  text = spellNumbers(text);
  text = expandAbbreviations(text);
  return tidy(text);
};
