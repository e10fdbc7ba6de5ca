import { readDay, readMonth, readNumber } from './number-words';

const validDay = (day: number) => day >= 1 && day <= 31;
const validMonth = (month: number) => month >= 1 && month <= 12;
const validYear = (year: number) => year >= 1000 && year <= 2999;

const spokenDate = (day: number, month: number, year?: number) =>
  `${readDay(day)} ${readMonth(month)}${year !== undefined ? ` năm ${readNumber(String(year))}` : ''}`;

/**
 * Spells dates out: `21/3/2023`, `21-3-2023`, `2023-03-21` → "ngày hai mươi mốt tháng ba năm hai nghìn
 * không trăm hai mươi ba"; `30/6` → "ngày ba mươi tháng sáu"; `tháng 3/2023` → "tháng ba năm …".
 * "ngày" is not repeated when the text already says it.
 */
export const spellDates = (text: string): string =>
  text
    .replace(/(?<![\p{L}\p{N}/])(ngày\s+)?(\d{4})-(\d{2})-(\d{2})(?![\p{N}/])/giu, (match, ngay: string | undefined, y, m, d) =>
      validMonth(Number(m)) && validDay(Number(d)) && validYear(Number(y))
        ? `ngày ${spokenDate(Number(d), Number(m), Number(y))}`
        : match,
    )
    .replace(
      /(?<![\p{L}\p{N}/.,])(ngày\s+)?(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?![\p{N}/])/giu,
      (match, ngay: string | undefined, d, m, y) =>
        validDay(Number(d)) && validMonth(Number(m)) && validYear(Number(y)) ? `ngày ${spokenDate(Number(d), Number(m), Number(y))}` : match,
    )
    .replace(/(?<![\p{L}\p{N}/])tháng\s+(\d{1,2})[/-](\d{4})(?![\p{N}/])/giu, (match, m, y) =>
      validMonth(Number(m)) && validYear(Number(y)) ? `${readMonth(Number(m))} năm ${readNumber(y)}` : match,
    )
    .replace(/(?<![\p{L}\p{N}/.,])(ngày\s+)(\d{1,2})\/(\d{1,2})(?![\p{N}/])/giu, (match, ngay: string, d, m) =>
      validDay(Number(d)) && validMonth(Number(m)) ? `ngày ${spokenDate(Number(d), Number(m))}` : match,
    )
    .replace(/(?<![\p{L}\p{N}/.,])(\d{1,2})\/(\d{1,2})(?=\s+(?:hằng|hàng|năm|và|đến|tới)\b)/giu, (match, d, m) =>
      validDay(Number(d)) && validMonth(Number(m)) ? `ngày ${spokenDate(Number(d), Number(m))}` : match,
    );
