import type { Feed as FeedClass } from 'feed';
import type { FeedFormat } from './constants';

/** The `feed` package (ESM only; loaded by the service through src/lib/esm.ts). */
export type FeedModule = { Feed: typeof FeedClass };

/** One entry, in plain text; rendering escapes what each format needs. */
export type FeedEntry = {
  /** Stable across edits and re-publishing: `urn:<type>:<documentId>:<locale>`. */
  id: string;
  title: string;
  summary: string;
  url: string;
  updated: Date;
  /** JSON Feed extension objects (names start with `_`); Atom leaves them out. */
  extensions?: Record<`_${string}`, Record<string, unknown>>;
};

export type FeedHead = {
  id: string;
  title: string;
  language: string;
  author: string;
  /** This feed's own URL, per format. */
  selfUrls: Record<FeedFormat, string>;
  /** The human-facing site the entries belong to. */
  homeUrl: string;
};

/** Characters XML 1.0 cannot carry at all, even escaped (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF). */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const xmlText = (text: string): string => text.replace(NOT_XML, '');

/** Atom's `type="html"` title and summary carry HTML: plain text is escaped into it. */
const html = (text: string): string =>
  xmlText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** When the feed last changed: its newest entry (a fixed date when empty, so an empty feed keeps one ETag). */
const lastUpdated = (entries: FeedEntry[]): Date =>
  entries.reduce((latest, entry) => (entry.updated > latest ? entry.updated : latest), new Date(0));

const newFeed = ({ Feed }: FeedModule, head: FeedHead, entries: FeedEntry[], format: FeedFormat, text: (value: string) => string) =>
  new Feed({
    id: head.id,
    title: text(head.title),
    language: head.language,
    updated: lastUpdated(entries),
    // No generator element: nothing about the software serving the feed is published.
    generator: false,
    author: { name: text(head.author) },
    link: head.homeUrl,
    feedLinks: { [format]: head.selfUrls[format] },
  });

/** Atom 1.0 (RFC 4287). */
export const renderAtom = (module: FeedModule, head: FeedHead, entries: FeedEntry[]): string => {
  const feed = newFeed(module, head, entries, 'atom', xmlText);
  for (const entry of entries) {
    feed.addItem({ id: entry.id, title: html(entry.title), description: html(entry.summary), link: entry.url, date: entry.updated });
  }
  return feed.atom1();
};

type JsonFeedItem = Record<string, unknown> & { content_html?: string };
type JsonFeed = Record<string, unknown> & { items: JsonFeedItem[]; author?: unknown };

/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). The `feed` package writes version 1
 * (`author`, `content_html` only); the differences are applied here: version, `authors`,
 * `language`, and the summary as `content_text` (it is plain text).
 */
export const renderJsonFeed = (module: FeedModule, head: FeedHead, entries: FeedEntry[]): string => {
  const feed = newFeed(module, head, entries, 'json', (value) => value);
  for (const entry of entries) {
    feed.addItem({
      id: entry.id,
      title: entry.title,
      description: entry.summary,
      link: entry.url,
      date: entry.updated,
      extensions: Object.entries(entry.extensions ?? {}).map(([name, objects]) => ({ name, objects })),
    });
  }
  const { author, items, ...rest } = JSON.parse(feed.json1()) as JsonFeed;
  const json = {
    ...rest,
    version: 'https://jsonfeed.org/version/1.1',
    language: head.language,
    ...(author ? { authors: [author] } : {}),
    items: items.map(({ content_html: _html, ...item }, index) => ({ ...item, content_text: entries[index]?.summary ?? '' })),
  };
  return JSON.stringify(json);
};

export const renderFeed = (module: FeedModule, format: FeedFormat, head: FeedHead, entries: FeedEntry[]): string =>
  format === 'atom' ? renderAtom(module, head, entries) : renderJsonFeed(module, head, entries);
