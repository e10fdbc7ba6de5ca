import { doReadNumber, ReadingConfig } from 'read-vietnamese-number';

/**
 * Vietnamese number words through `read-vietnamese-number`, configured for a northern province's
 * radio: "linh" (not "lẻ") for a zero tens digit, "tỷ", decimal comma read "phẩy", thousands dot.
 * The library already applies the tone rules: 21 "hai mươi mốt", 25 "hai mươi lăm", 24 "hai mươi tư".
 */
const config = (() => {
  const reading = new ReadingConfig();
  reading.unit = [];
  reading.pointText = 'phẩy';
  reading.oddText = 'linh';
  reading.units = [[], ['nghìn'], ['triệu'], ['tỷ']];
  return reading;
})();

const DIGIT_WORDS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];

/**
 * Reads a number written the Vietnamese way (`1.250.000`, `3,5`, `-7`) as words. The separators
 * are converted here: the library builds regular expressions from its separator settings without
 * escaping them, so setting its thousands sign to "." would match every character.
 */
export const readNumber = (written: string): string => {
  const normalised = written.replace(/\s/g, '').replace(/\./g, '').replace(',', '.');
  return doReadNumber(normalised, config).replace(/\s+/g, ' ').trim();
};

/** Reads a digit string one digit at a time (phone numbers, codes). */
export const readDigits = (digits: string): string =>
  [...digits]
    .filter((char) => /\d/.test(char))
    .map((digit) => DIGIT_WORDS[Number(digit)])
    .join(' ');

const MONTH_WORDS = ['', 'một', 'hai', 'ba', 'tư', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười', 'mười một', 'mười hai'];

/** Month names as spoken: "tháng tư", not "tháng bốn". */
export const readMonth = (month: number): string => `tháng ${MONTH_WORDS[month]}`;

/** Day of month as spoken on the radio: "mùng một" … "mùng mười", then "mười một" … "ba mươi mốt". */
export const readDay = (day: number): string => (day <= 10 ? `mùng ${readNumber(String(day))}` : readNumber(String(day)));
