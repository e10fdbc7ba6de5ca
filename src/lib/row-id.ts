/** A database row id as it arrives in a URL: a positive whole number, no sign, no leading zero. */
export const isRowId = (value: unknown): value is string => typeof value === 'string' && /^[1-9]\d{0,14}$/.test(value);
