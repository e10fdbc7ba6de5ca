export const CONSULTATION_STATUSES = ['upcoming', 'open', 'closed'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

type DateInput = string | Date | null | undefined;

const toTime = (value: DateInput): number | null => {
  if (value === null || value === undefined || value === '') return null;
  const time = new Date(value).getTime();
  return Number.isNaN(time) ? null : time;
};

/**
 * Where a consultation stands against `now`: `upcoming` before `opensAt`, `open` while
 * `opensAt <= now < closesAt`, `closed` from `closesAt` on. Missing dates count as not yet open.
 */
export const consultationStatus = (opensAt: DateInput, closesAt: DateInput, now: Date = new Date()): ConsultationStatus => {
  const opens = toTime(opensAt);
  const closes = toTime(closesAt);
  const at = now.getTime();
  if (closes !== null && at >= closes) return 'closed';
  if (opens === null || at < opens) return 'upcoming';
  return 'open';
};
