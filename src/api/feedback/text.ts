import crypto from 'crypto';
import type { FeedbackTargetType } from './constants';

/*
 * Plain-text hygiene for everything a citizen submits. Text is stored as typed (never as HTML),
 * NFC-normalised so that Vietnamese typed composed or decomposed (Telex/VNI keyboards, macOS vs
 * Windows) compares equal, with control characters removed (NUL breaks PostgreSQL text, others
 * corrupt CSV exports and terminals). Bidirectional overrides are removed too: they let a message
 * display differently from what it says.
 */

// C0 controls except tab and line feed, DEL, C1 controls, and bidi embeddings/overrides/isolates.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
const LINE_BREAKS = /\r\n?|[\u2028\u2029]/g;
const WHITESPACE_RUNS = /\s+/g;
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** NFC, well-formed UTF-16 (lone surrogates replaced), `\r\n` → `\n`, control characters removed, trimmed. */
export const cleanText = (value: string): string =>
  value.replace(LONE_SURROGATES, '\uFFFD').normalize('NFC').replace(LINE_BREAKS, '\n').replace(CONTROL_CHARACTERS, '').trim();

/** `cleanText` for one-line values (names, emails, phones): every whitespace run becomes one space. */
export const cleanLine = (value: string): string => cleanText(value).replace(WHITESPACE_RUNS, ' ');

/** Length in Unicode code points, what a person counts as characters (an emoji is one, not two). */
export const characterCount = (value: string): number => [...value].length;

const PHONE_SEPARATORS = /[\s.\-()]/g;
const VIETNAMESE_PHONE = /^0(?:[35789]\d{8}|2\d{9})$/;

/**
 * A Vietnamese phone number in its local form `0…`, from `0xxxxxxxxx`, `+84xxxxxxxxx` or `84…`
 * with spaces, dots or dashes; `null` when it is not a mobile (10 digits) or landline (11 digits).
 */
export const normalizeVietnamesePhone = (value: string): string | null => {
  let digits = cleanLine(value).replace(PHONE_SEPARATORS, '');
  if (digits.startsWith('+84')) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith('84') && digits.length >= 11) digits = `0${digits.slice(2)}`;
  return VIETNAMESE_PHONE.test(digits) ? digits : null;
};

/** Content folded for duplicate detection: NFC, lower case, whitespace collapsed. */
export const foldForComparison = (value: string): string =>
  cleanText(value).toLocaleLowerCase('vi').replace(WHITESPACE_RUNS, ' ');

export type Contact = { email?: string | null; phone?: string | null; zaloUserId?: string | null; ip?: string | null };

/** The best identity of a submitter: email, else phone, else Zalo user, else the client address. */
export const contactKey = ({ email, phone, zaloUserId, ip }: Contact): string => {
  if (email) return `email:${email.toLowerCase()}`;
  if (phone) return `phone:${phone}`;
  if (zaloUserId) return `zalo:${zaloUserId}`;
  return `ip:${ip ?? 'unknown'}`;
};

/**
 * A one-way key for "the same content from the same contact about the same target": stored
 * hashed, so it carries no personal data of its own.
 */
export const duplicateKey = (target: { type: FeedbackTargetType; documentId: string }, contact: Contact, content: string): string =>
  crypto
    .createHash('sha256')
    .update([target.type, target.documentId, contactKey(contact), foldForComparison(content)].join('\u0000'))
    .digest('hex');

/**
 * The key of a group of duplicates on one target: the same content (as `foldForComparison` sees
 * it), whoever sent it. A mass campaign's identical comments share it; a one-way hash, so the key
 * can be shown without the content.
 */
export const contentGroupKey = (content: string): string =>
  crypto.createHash('sha256').update(foldForComparison(content)).digest('hex').slice(0, 16);
