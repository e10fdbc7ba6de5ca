import crypto from 'crypto';
import {
  SHORT_CODE_PATTERN,
  SHORT_CODE_RANDOM_LENGTH,
  TRACKING_CODE_ALPHABET,
  TRACKING_CODE_GROUP_LENGTH,
  TRACKING_CODE_GROUPS,
  TRACKING_CODE_PREFIX,
} from './constants';

const randomChars = (length: number): string =>
  Array.from({ length }, () => TRACKING_CODE_ALPHABET[crypto.randomInt(TRACKING_CODE_ALPHABET.length)]).join('');

/** A fresh tracking code such as `GY-7K3M-Q9TX` (cryptographic randomness, no look-alike characters). */
export const generateTrackingCode = (): string =>
  [TRACKING_CODE_PREFIX, ...Array.from({ length: TRACKING_CODE_GROUPS }, () => randomChars(TRACKING_CODE_GROUP_LENGTH))].join('-');

/** A code as a person may type it (lower case, spaces): upper case, trimmed, inner spaces removed. */
export const normalizeTrackingCode = (value: string): string => value.trim().toUpperCase().replace(/\s+/g, '');

/** A fresh short code such as `DT7K3M` for a policy (`CS…`) or consultation draft (`DT…`). */
export const generateShortCode = (prefix: string): string => `${prefix}${randomChars(SHORT_CODE_RANDOM_LENGTH)}`;

/** A short code as typed by a person or an editor (`dt-7k3m`) in its stored form (`DT7K3M`). */
export const normalizeShortCode = (value: string): string => value.trim().toUpperCase().replace(/[\s\-_.]/g, '');

export const isShortCode = (value: string): boolean => SHORT_CODE_PATTERN.test(value);
