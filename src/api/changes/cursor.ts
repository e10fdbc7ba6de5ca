import { CURSOR_VERSION, MAX_CURSOR_LENGTH } from './constants';

/**
 * Cursors of the change feed: opaque to clients, base64url of `{"v":1,"s":<sequence>}`. Opaque so
 * that the position can change shape (a new version) without breaking a client that only passes
 * back what it was given; versioned so that an old cursor is recognised, not misread.
 */
export const encodeCursor = (sequence: number): string => Buffer.from(JSON.stringify({ v: CURSOR_VERSION, s: sequence })).toString('base64url');

/**
 * The sequence a cursor stands for, or null when `value` is not a cursor this feed handed out: only
 * the exact bytes `encodeCursor` makes are accepted (no padding, no other key, no other spelling).
 */
export const decodeCursor = (value: string): number | null => {
  if (value.length === 0 || value.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(value)) return null;
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return null;
  const { v, s } = payload as { v?: unknown; s?: unknown };
  if (v !== CURSOR_VERSION || typeof s !== 'number' || !Number.isSafeInteger(s) || s < 0) return null;
  return encodeCursor(s) === value ? s : null;
};
