/**
 * Milliseconds to wait from a `Retry-After` header: either delta-seconds or an HTTP date
 * (RFC 9110 §10.2.3). Unparseable or past values give `undefined` (the normal schedule applies).
 */
export const parseRetryAfter = (header: string | null | undefined, now: Date = new Date()): number | undefined => {
  if (!header) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  const delta = at - now.getTime();
  return delta > 0 ? delta : undefined;
};
