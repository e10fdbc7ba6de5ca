/**
 * When a Zalo broadcast may go out: the daily sending window and the monthly budget, in Vietnam's
 * time. Asia/Ho_Chi_Minh is UTC+7 all year (no daylight saving since 1975), so a fixed offset is
 * exact and needs no time-zone database.
 */
export const BROADCAST_TIME_ZONE = 'Asia/Ho_Chi_Minh';
const OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Minutes after local midnight, `from` inclusive, `to` exclusive. */
export type SendingWindow = { from: number; to: number };

const HOURS = /^\s*(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})\s*$/;

/** Parses `06:00-20:00` (an en dash works too); `null` when malformed or empty (from ≥ to). */
export const parseSendingWindow = (value: string): SendingWindow | null => {
  const match = HOURS.exec(value);
  if (!match) return null;
  const [fromHour, fromMinute, toHour, toMinute] = match.slice(1).map(Number);
  if (fromHour > 24 || toHour > 24 || fromMinute > 59 || toMinute > 59) return null;
  const from = fromHour * 60 + fromMinute;
  const to = toHour * 60 + toMinute;
  return from < to && to <= 24 * 60 ? { from, to } : null;
};

export const formatMinutes = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The local (UTC+7) wall clock of `instant`, as a Date whose UTC fields read local time. */
const local = (instant: Date): Date => new Date(instant.getTime() + OFFSET_MS);
const minutesOfDay = (instant: Date): number => {
  const wall = local(instant);
  return wall.getUTCHours() * 60 + wall.getUTCMinutes();
};
/** The instant of local midnight starting the local day of `instant`. */
const localMidnight = (instant: Date): number => {
  const wall = local(instant);
  return Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate()) - OFFSET_MS;
};

export const isInWindow = (instant: Date, window: SendingWindow): boolean => {
  const minutes = minutesOfDay(instant);
  return minutes >= window.from && minutes < window.to;
};

/** The next instant at or after `instant` when the window is open. */
export const nextWindowOpening = (instant: Date, window: SendingWindow): Date => {
  if (isInWindow(instant, window)) return instant;
  const midnight = localMidnight(instant);
  const today = midnight + window.from * 60_000;
  return new Date(today > instant.getTime() ? today : today + DAY_MS);
};

/** The local month of `instant`: `YYYY-MM`, and the instants it starts and the next one starts. */
export const localMonth = (instant: Date): { key: string; start: Date; next: Date } => {
  const wall = local(instant);
  const year = wall.getUTCFullYear();
  const month = wall.getUTCMonth();
  return {
    key: `${year}-${String(month + 1).padStart(2, '0')}`,
    start: new Date(Date.UTC(year, month, 1) - OFFSET_MS),
    next: new Date(Date.UTC(year, month + 1, 1) - OFFSET_MS),
  };
};

/** `dd/MM/yyyy HH:mm` in Vietnam's time, for messages. */
export const formatLocal = (instant: Date): string => {
  const wall = local(instant);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(wall.getUTCDate())}/${pad(wall.getUTCMonth() + 1)}/${wall.getUTCFullYear()} ${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`;
};
