import type { Core } from '@strapi/strapi';
import { expandEntryUrlTemplate } from '../../../common/entry-url';
import { fieldError } from '../../../common/errors';
import { loadEsmModule } from '../../../lib/esm';
import { CONTENT_TYPES, FEED_SIZE, FEEDS, type FeedFormat, type FeedName } from '../constants';
import { renderFeed, type FeedEntry, type FeedHead, type FeedModule } from '../render';

/** A published version as the feeds read it: public, non-personal fields only (no relation is populated). */
type Row = {
  documentId: string;
  title: string;
  summary?: string | null;
  slug?: string | null;
  opensAt?: string | Date | null;
  closesAt?: string | Date | null;
  publishedAt?: string | Date | null;
  updatedAt?: string | Date | null;
};

type FeedUid = (typeof FEEDS)[FeedName]['uid'];

type LocaleService = { find: () => Promise<Array<{ code: string }>> };

const PORTAL_TEMPLATE_KEY = 'plugin::multichannel-publishing.channels.portal.entryUrlTemplate';

const toDate = (value: string | Date | null | undefined): Date | undefined => (value ? new Date(value) : undefined);

/** When the public version last changed: its publication, or a later update of the published row. */
const updatedOf = (row: Row): Date => {
  const dates = [toDate(row.publishedAt), toDate(row.updatedAt)].filter((date): date is Date => Boolean(date) && !Number.isNaN(date!.getTime()));
  return dates.reduce((latest, date) => (date > latest ? date : latest), new Date(0));
};

const isAbsoluteUrl = (value: string | undefined): value is string => Boolean(value) && URL.canParse(value!) && /^https?:$/.test(new URL(value!).protocol);

const trimSlash = (url: string) => url.replace(/\/+$/, '');

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const prefix = () => strapi.config.get<string>('api.rest.prefix', '/api');

  /** This CMS's public base URL: `PUBLIC_URL` (config/feeds.ts), else the server's own absolute URL. */
  const publicBase = (): string =>
    trimSlash([strapi.config.get<string>('feeds.publicUrl', ''), strapi.config.get<string>('server.absoluteUrl', '')].find(isAbsoluteUrl) ?? 'http://localhost');

  /** The portal channel's template, read from its config (the app never imports the plugin); empty when unset or disabled. */
  const portalTemplate = (): string => strapi.config.get<string>(PORTAL_TEMPLATE_KEY, '') || '';

  const pluralName = (uid: FeedUid): string => strapi.contentType(uid).info.pluralName;
  const singularName = (uid: FeedUid): string => strapi.contentType(uid).info.singularName;

  /** The portal's page of an entry, or this CMS's public API URL of the document when the portal cannot say. */
  const entryUrl = (uid: FeedUid, row: Row, locale: string): string => {
    const portal = expandEntryUrlTemplate(portalTemplate(), {
      slug: row.slug ?? undefined,
      documentId: row.documentId,
      locale,
      contentType: singularName(uid),
    });
    if (isAbsoluteUrl(portal)) return portal;
    return `${publicBase()}${prefix()}/${pluralName(uid)}/${encodeURIComponent(row.documentId)}?locale=${encodeURIComponent(locale)}`;
  };

  /** The portal's home (the origin of its entry URLs), else this CMS. */
  const homeUrl = (): string => {
    const sample = portalTemplate().replace(/\{\w+\}/g, 'x');
    return isAbsoluteUrl(sample) ? `${new URL(sample).origin}/` : `${publicBase()}/`;
  };

  const assertLocale = async (locale: string): Promise<void> => {
    const locales = await (strapi.plugin('i18n').service('locales') as LocaleService).find();
    if (!locales.some(({ code }) => code === locale)) {
      throw fieldError('locale', `locale: no such locale (${locales.map(({ code }) => code).join(', ')})`, { allowed: locales.map(({ code }) => code) });
    }
  };

  /** The newest published versions in `locale`; drafts never (status: published), private fields never (fields listed). */
  const published = async (name: FeedName, locale: string, now: Date): Promise<Row[]> => {
    const common = {
      locale,
      status: 'published' as const,
      sort: ['publishedAt:desc', 'updatedAt:desc', 'id:desc'],
      limit: FEED_SIZE,
    };
    if (name === 'policies') {
      return (await strapi.documents(FEEDS.policies.uid).findMany({
        ...common,
        fields: ['title', 'summary', 'slug', 'publishedAt', 'updatedAt'],
      } as never)) as unknown as Row[];
    }
    // Open now: opensAt ≤ now < closesAt.
    return (await strapi.documents(FEEDS['consultation-drafts'].uid).findMany({
      ...common,
      fields: ['title', 'summary', 'opensAt', 'closesAt', 'publishedAt', 'updatedAt'],
      filters: { opensAt: { $lte: now.toISOString() }, closesAt: { $gt: now.toISOString() } },
    } as never)) as unknown as Row[];
  };

  const entryOf = (name: FeedName, row: Row, locale: string): FeedEntry => {
    const uid = FEEDS[name].uid;
    const opensAt = toDate(row.opensAt);
    const closesAt = toDate(row.closesAt);
    return {
      id: `urn:${singularName(uid)}:${row.documentId}:${locale}`,
      title: row.title,
      summary: row.summary?.trim() || row.title,
      url: entryUrl(uid, row, locale),
      updated: updatedOf(row),
      ...(name === 'consultation-drafts' && opensAt && closesAt
        ? { extensions: { _consultation: { opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString() } } }
        : {}),
    };
  };

  const headOf = (name: FeedName, locale: string): FeedHead => {
    const titles: Record<string, string> = FEEDS[name].titles;
    const self = (format: FeedFormat) => `${publicBase()}${prefix()}/feeds/${name}.${format}?locale=${encodeURIComponent(locale)}`;
    return {
      id: `urn:feed:${name}:${locale}`,
      title: titles[locale] ?? titles.en,
      language: locale,
      author: strapi.config.get<string>('feeds.author', '') || 'UBND tỉnh',
      selfUrls: { atom: self('atom'), json: self('json') },
      homeUrl: homeUrl(),
    };
  };

  return {
    /** One feed in one format and locale: its body and content type. Unknown locale → 400 naming `locale`. */
    async render(name: FeedName, format: FeedFormat, locale: string): Promise<{ body: string; contentType: string }> {
      await assertLocale(locale);
      const rows = await published(name, locale, new Date());
      const module = await loadEsmModule<FeedModule>('feed');
      const entries = rows.map((row) => entryOf(name, row, locale));
      return { body: renderFeed(module, format, headOf(name, locale), entries), contentType: CONTENT_TYPES[format] };
    },
  };
};
