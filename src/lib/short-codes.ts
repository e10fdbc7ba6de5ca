import type { Core, UID } from '@strapi/strapi';
import { fieldError } from '../common/errors';
import { POLICY_UID } from '../common/uids';
import { randomReadableChars } from './readable-codes';

/** Short codes citizens type at the start of a Zalo message to name a policy or draft (e.g. `DT7K3M`). */
export const SHORT_CODE_PATTERN = /^[A-Z0-9]{3,16}$/;
export const SHORT_CODE_PREFIXES = { policy: 'CS', consultationDraft: 'DT' } as const;
const SHORT_CODE_RANDOM_LENGTH = 4;
const SHORT_CODE_ATTEMPTS = 5;

/** The content types that carry a `shortCode`. */
export type ShortCodedUid = Extract<UID.ContentType, 'api::policy.policy' | 'api::consultation-draft.consultation-draft'>;

type Data = Record<string, unknown>;
type WriteContext = { uid: ShortCodedUid; action: string; params: { documentId?: string } };

/** A fresh short code such as `DT7K3M` for a policy (`CS…`) or consultation draft (`DT…`). */
export const generateShortCode = (prefix: string): string => `${prefix}${randomReadableChars(SHORT_CODE_RANDOM_LENGTH)}`;

/** A short code as typed by a person or an editor (`dt-7k3m`) in its stored form (`DT7K3M`). */
export const normalizeShortCode = (value: string): string => value.trim().toUpperCase().replace(/[\s\-_.]/g, '');

export const isShortCode = (value: string): boolean => SHORT_CODE_PATTERN.test(value);

const shortCodeTaken = async (strapi: Core.Strapi, uid: ShortCodedUid, code: string, documentId?: string) => {
  const row = await strapi.db.query(uid).findOne({ where: { shortCode: code, ...(documentId ? { documentId: { $ne: documentId } } : {}) } });
  return Boolean(row);
};

/**
 * Every policy and consultation draft gets a short code (`CS…` / `DT…`) that citizens type at the
 * start of a Zalo message; editors may choose their own (letters and digits, 3–16).
 */
export const assignShortCode = async (strapi: Core.Strapi, ctx: WriteContext, data: Data): Promise<void> => {
  const prefix = ctx.uid === POLICY_UID ? SHORT_CODE_PREFIXES.policy : SHORT_CODE_PREFIXES.consultationDraft;
  if (typeof data.shortCode === 'string' && data.shortCode.trim() !== '') {
    const code = normalizeShortCode(data.shortCode);
    if (!isShortCode(code)) throw fieldError('shortCode', 'shortCode must be 3 to 16 letters or digits (e.g. DT7K3M)');
    if (await shortCodeTaken(strapi, ctx.uid, code, ctx.params.documentId)) {
      throw fieldError('shortCode', `shortCode ${code} is already used by another document`);
    }
    data.shortCode = code;
    return;
  }
  if (ctx.action !== 'create') return;
  for (let attempt = 0; attempt < SHORT_CODE_ATTEMPTS; attempt += 1) {
    const code = generateShortCode(prefix);
    if (!(await shortCodeTaken(strapi, ctx.uid, code))) {
      data.shortCode = code;
      return;
    }
  }
};
