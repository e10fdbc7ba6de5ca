/** Helpers for rows read through knex: SQLite returns datetimes as epoch ms and JSON as text. */
export const toDate = (value: unknown): Date | null => {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === 'number') return new Date(value);
  if (typeof value === 'string') {
    const asNumber = Number(value);
    return Number.isFinite(asNumber) && /^\d+$/.test(value) ? new Date(asNumber) : new Date(value);
  }
  return null;
};

export const toJson = <T = unknown>(value: unknown): T | null => {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    try {
      return JSON.parse(value) as T;
    } catch {
      return null;
    }
  }
  return value as T;
};

export const toNumber = (value: unknown): number => (typeof value === 'number' ? value : Number(value));

export const toOptionalNumber = (value: unknown): number | null =>
  value === null || value === undefined ? null : toNumber(value);

export const toOptionalString = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);
