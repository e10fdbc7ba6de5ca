import type { Core, UID } from '@strapi/strapi';
import { contentTypes } from '@strapi/utils';
import { buildHashPopulate, canonicalContent, hashContent, type ModelLike } from '../domain/content-hash';

/** Stored in place of a locale for content types that are not localized (keeps the unique key non-null). */
export const NO_LOCALE = '';

type Row = Record<string, unknown>;
type SchemaLike = ModelLike & { pluginOptions?: { i18n?: { localized?: boolean }; [plugin: string]: unknown }; options?: { draftAndPublish?: boolean } };

const TITLE_CANDIDATES = ['title', 'name', 'label', 'heading'];

/** Reads covered documents the way the workflow needs them: per documentId and locale, draft side. */
const content = ({ strapi }: { strapi: Core.Strapi }) => {
  const getModel = (uid: UID.ContentType): SchemaLike | undefined => strapi.getModel(uid);
  // The hash walks components and relations by the uids their attribute definitions name (plain strings).
  const getSchema = (uid: string): ModelLike | undefined => strapi.getModel(uid as UID.Schema);
  const query = (uid: UID.ContentType) => strapi.db.query(uid);

  const isLocalized = (uid: UID.ContentType) => Boolean(strapi.plugin('i18n')) && getModel(uid)?.pluginOptions?.i18n?.localized === true;
  const hasDraftAndPublish = (uid: UID.ContentType) => {
    const model = getModel(uid);
    return model !== undefined && contentTypes.hasDraftAndPublish(strapi.getModel(uid));
  };

  const draftWhere = (uid: UID.ContentType, documentId: string, locale?: string) => ({
    documentId,
    ...(hasDraftAndPublish(uid) ? { publishedAt: null } : {}),
    ...(isLocalized(uid) && locale !== undefined ? { locale } : {}),
  });

  const defaultLocale = async (): Promise<string> =>
    (await strapi.plugin('i18n').service('locales').getDefaultLocale()) as string;

  return {
    isLocalized,
    hasDraftAndPublish,

    /** The locale a request means: the given one, the default one, or NO_LOCALE when not localized. */
    async resolveLocale(uid: UID.ContentType, locale?: string | null): Promise<string> {
      if (!isLocalized(uid)) return NO_LOCALE;
      return locale || defaultLocale();
    },

    /**
     * The locales whose draft a document-service action with this `locale` parameter touches
     * (undefined = default locale, '*' = all, an array = those), limited to drafts that exist.
     */
    async draftLocales(uid: UID.ContentType, documentId: string, localeParam: unknown): Promise<string[]> {
      if (!isLocalized(uid)) {
        const count = await query(uid).count({ where: draftWhere(uid, documentId) });
        return count > 0 ? [NO_LOCALE] : [];
      }
      const rows = (await query(uid).findMany({ where: draftWhere(uid, documentId), select: ['locale'] })) as Row[];
      const existing = rows.map((row) => String(row.locale));
      if (localeParam === '*') return existing;
      const wanted = Array.isArray(localeParam)
        ? localeParam.map(String)
        : [typeof localeParam === 'string' && localeParam ? localeParam : await defaultLocale()];
      return existing.filter((locale) => wanted.includes(locale));
    },

    /** Whether the document has a draft in that locale. */
    async exists(uid: UID.ContentType, documentId: string, locale: string): Promise<boolean> {
      return (await query(uid).count({ where: draftWhere(uid, documentId, locale) })) > 0;
    },

    /** Hash of the draft content of one document locale, or null when there is no such draft. */
    async hashDraft(uid: UID.ContentType, documentId: string, locale: string): Promise<string | null> {
      const row = (await query(uid).findOne({
        where: draftWhere(uid, documentId, locale),
        populate: buildHashPopulate(getSchema, uid),
      })) as Row | null;
      return row ? hashContent(canonicalContent(getSchema, uid, row)) : null;
    },

    /** Display titles of drafts, keyed `documentId|locale` (first string-like field of the model). */
    async titles(uid: UID.ContentType, documentIds: string[]): Promise<Map<string, string>> {
      const model = getModel(uid);
      const field = TITLE_CANDIDATES.find((name) => model?.attributes[name]?.type === 'string');
      if (documentIds.length === 0) return new Map();
      const rows = (await query(uid).findMany({
        where: { documentId: { $in: documentIds }, ...(hasDraftAndPublish(uid) ? { publishedAt: null } : {}) },
        select: ['documentId', ...(isLocalized(uid) ? ['locale'] : []), ...(field ? [field] : [])],
      })) as Row[];
      return new Map(
        rows.map((row) => [
          `${String(row.documentId)}|${isLocalized(uid) ? String(row.locale) : NO_LOCALE}`,
          field && row[field] ? String(row[field]) : String(row.documentId),
        ]),
      );
    },

    /** Whether the document locale currently has a published version. */
    async isPublished(uid: UID.ContentType, documentId: string, locale: string): Promise<boolean> {
      if (!hasDraftAndPublish(uid)) return false;
      const where = { documentId, publishedAt: { $notNull: true }, ...(isLocalized(uid) ? { locale } : {}) };
      return (await query(uid).count({ where })) > 0;
    },
  };
};

export default content;
