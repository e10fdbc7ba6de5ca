import { randomReadableChars } from '../../lib/readable-codes';
import { TRACKING_CODE_GROUP_LENGTH, TRACKING_CODE_GROUPS, TRACKING_CODE_PREFIX } from './constants';

/** A fresh tracking code such as `GY-7K3M-Q9TX` (cryptographic randomness, no look-alike characters). */
export const generateTrackingCode = (): string =>
  [TRACKING_CODE_PREFIX, ...Array.from({ length: TRACKING_CODE_GROUPS }, () => randomReadableChars(TRACKING_CODE_GROUP_LENGTH))].join('-');

/** A code as a person may type it (lower case, spaces): upper case, trimmed, inner spaces removed. */
export const normalizeTrackingCode = (value: string): string => value.trim().toUpperCase().replace(/\s+/g, '');
