import crypto from 'crypto';

/**
 * Letters and digits people read aloud on the phone and type from a leaflet: no 0/O, 1/I/L or U/V
 * look-alikes. Tracking codes (feedback) and short codes (policies, drafts) are drawn from it.
 */
export const READABLE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ';

/** `length` characters of {@link READABLE_ALPHABET}, with cryptographic randomness. */
export const randomReadableChars = (length: number): string =>
  Array.from({ length }, () => READABLE_ALPHABET[crypto.randomInt(READABLE_ALPHABET.length)]).join('');
