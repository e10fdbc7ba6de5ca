import type { Core, UID } from '@strapi/strapi';
import { CONSULTATION_DRAFT_UID, DEFAULT_LOCALE, POLICY_UID, RADIO_SCRIPT_UID } from '../common/uids';

type Row = { documentId: string; locale?: string | null };
type ChildUid = typeof CONSULTATION_DRAFT_UID | typeof RADIO_SCRIPT_UID;
type Child = { uid: ChildUid; documentId: string; locale?: string };

/**
 * The documents of `uid` that hang on the policy, found through their draft rows (which keep the
 * link), before the unpublish. The link is not localized: one locale's row may carry it for all.
 */
const childDocuments = async (strapi: Core.Strapi, uid: ChildUid, policyDocumentId: string): Promise<string[]> => {
  const rows = (await strapi.db.query(uid).findMany({
    where: { policy: { documentId: policyDocumentId }, publishedAt: null },
    select: ['documentId'],
  })) as Row[];
  return [...new Set(rows.map((row) => row.documentId))];
};

/** The locales in which a document is published (`null` for a type without locales). */
const publishedLocales = async (strapi: Core.Strapi, uid: UID.ContentType, documentId: string): Promise<Array<string | null>> => {
  const rows = (await strapi.db.query(uid).findMany({
    where: { documentId, publishedAt: { $notNull: true } },
    select: ['documentId', 'locale'],
  })) as Row[];
  return rows.map((row) => row.locale ?? null);
};

/**
 * What must follow a policy off the air: a consultation draft's version in every locale the policy
 * is no longer published in, and the radio scripts (Vietnamese bulletins, one per document) once the
 * policy's Vietnamese version is gone.
 */
const withdrawals = async (strapi: Core.Strapi, children: Record<ChildUid, string[]>, policyLocales: Array<string | null>): Promise<Child[]> => {
  const stillPublished = new Set(policyLocales);
  const result: Child[] = [];
  for (const documentId of children[CONSULTATION_DRAFT_UID]) {
    for (const locale of await publishedLocales(strapi, CONSULTATION_DRAFT_UID, documentId)) {
      if (!stillPublished.has(locale)) result.push({ uid: CONSULTATION_DRAFT_UID, documentId, locale: locale ?? undefined });
    }
  }
  if (!stillPublished.has(DEFAULT_LOCALE)) {
    for (const documentId of children[RADIO_SCRIPT_UID]) {
      if ((await publishedLocales(strapi, RADIO_SCRIPT_UID, documentId)).length > 0) result.push({ uid: RADIO_SCRIPT_UID, documentId });
    }
  }
  return result;
};

/**
 * Never a published child pointing at an unpublished parent: unpublishing a policy withdraws, in
 * the same transaction, the consultation drafts and radio scripts that hang on it. They are
 * unpublished through the document service, so the approval audit trail records each withdrawal and
 * the publishing outbox tells every channel (the source system takes the bulletin off the air).
 * Refusing the unpublish instead would keep a policy the province wants withdrawn on the air.
 */
export const registerPolicyWithdrawal = (strapi: Core.Strapi): void => {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== POLICY_UID || context.action !== 'unpublish') return next();
    const documentId = (context.params as { documentId?: string }).documentId;
    if (!documentId) return next();
    return strapi.db.transaction(async () => {
      const children = {
        [CONSULTATION_DRAFT_UID]: await childDocuments(strapi, CONSULTATION_DRAFT_UID, documentId),
        [RADIO_SCRIPT_UID]: await childDocuments(strapi, RADIO_SCRIPT_UID, documentId),
      };
      const result = await next();
      for (const child of await withdrawals(strapi, children, await publishedLocales(strapi, POLICY_UID, documentId))) {
        await strapi.documents(child.uid).unpublish({ documentId: child.documentId, ...(child.locale ? { locale: child.locale } : {}) });
        strapi.log.info(`[withdrawal] ${child.uid} ${child.documentId}${child.locale ? ` (${child.locale})` : ''} withdrawn with policy ${documentId}`);
      }
      return result;
    });
  });
};
