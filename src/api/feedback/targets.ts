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
  /**
   * The rows a feedback on it links to: its draft and published versions in the locale found, as
   * the document service links a relation to a draft-and-publish type.
   */
  rowIds: number[];
};

type TargetRow = {
  id: number;
  documentId: string;
  title: string;
  locale?: string | null;
  publishedAt?: string | Date | null;
  opensAt?: string | null;
  closesAt?: string | null;
};

export const TARGET_UIDS = {
  consultationDraft: CONSULTATION_DRAFT_UID,
  policy: POLICY_UID,
} as const satisfies Record<FeedbackTargetType, string>;

/** A published policy or consultation draft (its default-locale version when there is one), or null. */
export const findPublishedTarget = async (
  strapi: Core.Strapi,
  target: { type: FeedbackTargetType; documentId: string },
): Promise<PublishedTarget | null> => {
  const common = ['id', 'documentId', 'title', 'locale', 'publishedAt'];
  const select = target.type === 'consultationDraft' ? [...common, 'opensAt', 'closesAt'] : common;
  // Draft rows too (one query): the published row decides, and the new feedback links to both versions.
  const rows = (await strapi.db.query(TARGET_UIDS[target.type]).findMany({ select, where: { documentId: target.documentId } })) as TargetRow[];
  const published = rows.filter((candidate) => candidate.publishedAt != null);
  const row = published.find((candidate) => candidate.locale === DEFAULT_LOCALE) ?? published[0];
  if (!row) return null;
  return {
    type: target.type,
    documentId: row.documentId,
    title: row.title,
    opensAt: row.opensAt,
    closesAt: row.closesAt,
    rowIds: rows.filter((candidate) => candidate.locale === row.locale).map((candidate) => candidate.id),
  };
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
