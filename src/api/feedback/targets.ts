import type { Core } from '@strapi/strapi';
import { notFoundError } from '../../common/errors';
import { CONSULTATION_DRAFT_UID, DEFAULT_LOCALE, POLICY_UID } from '../../common/uids';
import type { FeedbackTargetType } from './constants';

export type PublishedTarget = {
  type: FeedbackTargetType;
  documentId: string;
  title: string;
  opensAt?: string | null;
  closesAt?: string | null;
};

type TargetRow = { documentId: string; title: string; locale?: string | null; opensAt?: string | null; closesAt?: string | null };

export const TARGET_UIDS = {
  consultationDraft: CONSULTATION_DRAFT_UID,
  policy: POLICY_UID,
} as const satisfies Record<FeedbackTargetType, string>;

/** A published policy or consultation draft (its default-locale version when there is one), or null. */
export const findPublishedTarget = async (
  strapi: Core.Strapi,
  target: { type: FeedbackTargetType; documentId: string },
): Promise<PublishedTarget | null> => {
  const select = target.type === 'consultationDraft' ? ['documentId', 'title', 'locale', 'opensAt', 'closesAt'] : ['documentId', 'title', 'locale'];
  const rows = (await strapi.db.query(TARGET_UIDS[target.type]).findMany({
    select,
    where: { documentId: target.documentId, publishedAt: { $notNull: true } },
  })) as TargetRow[];
  const row = rows.find((candidate) => candidate.locale === DEFAULT_LOCALE) ?? rows[0];
  if (!row) return null;
  return { type: target.type, documentId: row.documentId, title: row.title, opensAt: row.opensAt, closesAt: row.closesAt };
};

/** `findPublishedTarget`, or 404 naming the kind of target (never the submitted value). */
export const requirePublishedTarget = async (
  strapi: Core.Strapi,
  target: { type: FeedbackTargetType; documentId: string },
): Promise<PublishedTarget> => {
  const found = await findPublishedTarget(strapi, target);
  if (!found) {
    const kind = target.type === 'consultationDraft' ? 'consultation draft' : 'policy';
    throw notFoundError(`No published ${kind} with this documentId`);
  }
  return found;
};
