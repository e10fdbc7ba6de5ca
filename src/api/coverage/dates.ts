/** Calendar days in the province's time zone (`config/coverage.ts` → `timeZone`): ISO `YYYY-MM-DD`. */

const DAY_MS = 86_400_000;

/** The calendar day `at` falls on in `timeZone`. */
export const dayIn = (at: Date, timeZone: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

/** Milliseconds `timeZone` is ahead of UTC at `at`. */
const offsetMs = (at: number, timeZone: string): number => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
      .formatToParts(new Date(at))
      .map((part) => [part.type, Number(part.value)]),
  ) as Record<string, number>;
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) - Math.floor(at / 1000) * 1000;
};

/** The instant `day` starts in `timeZone`. */
export const startOfDay = (day: string, timeZone: string): number => {
  const [year, month, date] = day.split('-').map(Number);
  const guess = Date.UTC(year, month - 1, date);
  return guess - offsetMs(guess - offsetMs(guess, timeZone), timeZone);
};

/** `day` moved by `days` calendar days. */
export const addDays = (day: string, days: number): string => {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date) + days * DAY_MS).toISOString().slice(0, 10);
};

/** Whether `value` is a real calendar day written `YYYY-MM-DD`. */
export const isCalendarDay = (value: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [year, month, date] = value.split('-').map(Number);
  const parsed = new Date(Date.UTC(year, month - 1, date));
  return year >= 1970 && year <= 9998 && parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === date;
};

/** The `count` months ending with the month of `day`, oldest first (`YYYY-MM`). */
export const monthsEnding = (day: string, count: number): string[] => {
  const [year, month] = day.split('-').map(Number);
  const months: string[] = [];
  for (let back = count - 1; back >= 0; back -= 1) {
    const at = new Date(Date.UTC(year, month - 1 - back, 1));
    months.push(at.toISOString().slice(0, 7));
  }
  return months;
};
