import crypto from 'crypto';

export type ZaloSignatureInput = {
  appId: string;
  secretKey: string;
  rawBody: string;
  timestamp: string;
  header: string | undefined;
};

/** Zalo's `X-ZEvent-Signature`: `mac=` + hex sha256 of appId + raw body + timestamp + OA secret key. */
export const zaloSignature = ({ appId, secretKey, rawBody, timestamp }: Omit<ZaloSignatureInput, 'header'>): string =>
  `mac=${crypto.createHash('sha256').update(`${appId}${rawBody}${timestamp}${secretKey}`, 'utf8').digest('hex')}`;

/** Whether `header` carries the signature of this body (constant-time comparison; `mac=` optional). */
export const isValidZaloSignature = (input: ZaloSignatureInput): boolean => {
  if (!input.header || !input.appId || !input.secretKey) return false;
  const received = input.header.trim().toLowerCase();
  const expected = zaloSignature(input);
  const normalized = received.startsWith('mac=') ? received : `mac=${received}`;
  const a = Buffer.from(normalized);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
};

/** Whether an event timestamp (milliseconds, as Zalo sends it) is within `toleranceSeconds` of `now`. */
export const isFreshTimestamp = (timestamp: string, toleranceSeconds: number, now: Date = new Date()): boolean => {
  if (!/^\d{1,16}$/.test(timestamp)) return false;
  return Math.abs(now.getTime() - Number(timestamp)) <= toleranceSeconds * 1000;
};
