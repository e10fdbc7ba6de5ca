import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { createFullAccessToken } from '../helpers/api-token';
import { consultationDraftData, createDocument, policyData, publishTrusted } from '../helpers/content';
import { startTestApp, type TestApp } from '../helpers/strapi';

/**
 * Public feeds (README: "Feeds"): the newest published policies and the consultation drafts open
 * now, as Atom (RFC 4287) and JSON Feed 1.1, parsed back with real parsers.
 */
const POLICY = 'api::policy.policy';
const DRAFT = 'api::consultation-draft.consultation-draft';
const PUBLIC_URL = 'https://cms.example.test';
const PORTAL_TEMPLATE = 'https://portal.example.test/{locale}/chinh-sach/{slug}';
const DAY = 86_400_000;

let app: TestApp;
/** Published policies with a slug, oldest first (with the three below, 55 are published: the feed keeps the newest 50). */
const published: Array<{ documentId: string; title: string; slug: string }> = [];
let draftOnly: string;
let unpublishedEdit: string;
let englishPolicy: string;
let tricky: string;
let openDraft: string;
let openDraftUnpublished: string;
let closedDraft: string;
let futureDraft: string;

type AtomLink = { '@_href': string; '@_rel'?: string };
type AtomText = { '#text': string; '@_type': string };
type AtomEntry = { id: string; title: AtomText; updated: string; summary: AtomText; link: AtomLink[] };
type AtomFeed = { id: string; title: string; updated: string; author: { name: string }; link: AtomLink[]; entry?: AtomEntry[] };
type JsonFeedItem = Record<string, unknown> & { id: string; url: string; title: string; date_modified: string; content_text?: string; content_html?: string };
type JsonFeed = Record<string, unknown> & { version: string; title: string; items: JsonFeedItem[] };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  isArray: (name) => name === 'entry' || name === 'link',
});

/** The plain text of an Atom `type="html"` element (our feeds escape plain text into it). */
const htmlText = (node: AtomText): string => {
  expect(node['@_type']).toBe('html');
  return node['#text'].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
};

const getAtom = async (path: string): Promise<AtomFeed> => {
  const response = await app.http().get(path);
  expect(response.status).toBe(200);
  expect(response.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
  expect(XMLValidator.validate(response.text)).toBe(true);
  const document = parser.parse(response.text) as { feed: AtomFeed & { '@_xmlns': string } };
  expect(document.feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
  return document.feed;
};

const getJson = async (path: string): Promise<JsonFeed> => {
  const response = await app.http().get(path).buffer(true).parse((res, done) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (text += chunk));
    res.on('end', () => done(null, text));
  });
  expect(response.status).toBe(200);
  expect(response.headers['content-type']).toBe('application/feed+json; charset=utf-8');
  return JSON.parse(response.body as string) as JsonFeed;
};

/** JSON Feed 1.1's required fields and types (https://www.jsonfeed.org/version/1.1/). */
const expectJsonFeed11 = (feed: JsonFeed) => {
  expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
  expect(typeof feed.title).toBe('string');
  expect(Array.isArray(feed.items)).toBe(true);
  expect(feed).not.toHaveProperty('author');
  for (const item of feed.items) {
    expect(typeof item.id).toBe('string');
    expect(typeof item.content_text === 'string' || typeof item.content_html === 'string').toBe(true);
    expect(new Date(item.date_modified).toISOString()).toBe(item.date_modified);
    expect(() => new URL(item.url)).not.toThrow();
  }
};

/** RFC 4287's required elements of a feed and of each entry. */
const expectAtom = (feed: AtomFeed) => {
  expect(feed.id).toMatch(/^urn:feed:/);
  expect(feed.title).toBeTruthy();
  expect(new Date(feed.updated).toISOString()).toBe(feed.updated);
  expect(feed.author.name).toBeTruthy();
  expect(feed.link.some((link) => link['@_rel'] === 'self')).toBe(true);
  for (const entry of feed.entry ?? []) {
    expect(entry.id).toBeTruthy();
    expect(htmlText(entry.title)).toBeTruthy();
    expect(new Date(entry.updated).toISOString()).toBe(entry.updated);
    expect(entry.link[0]?.['@_href']).toBeTruthy();
  }
};

beforeAll(async () => {
  app = await startTestApp('feeds', { PUBLIC_URL, PORTAL_ENTRY_URL_TEMPLATE: PORTAL_TEMPLATE, HTTP_CACHE_MAX_AGE: '90' });
  const { strapi } = app;
  draftOnly = (await createDocument(strapi, POLICY, policyData({ title: 'Chính sách chỉ là bản nháp' }))).documentId;
  for (let index = 0; index < 52; index += 1) {
    const title = `Chính sách đã ban hành số ${index}`;
    const slug = `chinh-sach-da-ban-hanh-${index}`;
    const { documentId } = await createDocument(strapi, POLICY, policyData({ title, slug }), { publish: true });
    published.push({ documentId, title, slug });
  }
  // Published, then edited without publishing again: the feed shows the published text only.
  unpublishedEdit = (await createDocument(strapi, POLICY, policyData({ title: 'Chính sách có bản sửa chưa duyệt' }), { publish: true })).documentId;
  await strapi.documents(POLICY).update({ documentId: unpublishedEdit, locale: 'vi', data: { summary: 'Bản sửa chưa xuất bản, không được lộ ra.' } } as never);
  englishPolicy = (
    await createDocument(strapi, POLICY, policyData({ title: 'Chính sách song ngữ' }), {
      publish: true,
      en: { title: 'Bilingual policy', slug: 'bilingual-policy', summary: 'A plain-language summary in English.' },
    })
  ).documentId;
  tricky = (await createDocument(strapi, POLICY, policyData({ title: 'Phí & lệ phí <2026> "mới"', summary: 'Tóm tắt có ký tự <b>đặc biệt</b> & ]]> kết thúc.' }), { publish: true })).documentId;

  const now = Date.now();
  const policyId = published[0].documentId;
  openDraft = (await createDocument(strapi, DRAFT, consultationDraftData(policyId, { title: 'Dự thảo đang mở', summary: 'Mời góp ý.' }), { publish: true })).documentId;
  openDraftUnpublished = (await createDocument(strapi, DRAFT, consultationDraftData(policyId, { title: 'Dự thảo chưa xuất bản' }))).documentId;
  closedDraft = (
    await createDocument(
      strapi,
      DRAFT,
      consultationDraftData(policyId, { title: 'Dự thảo đã đóng', opensAt: new Date(now - 10 * DAY).toISOString(), closesAt: new Date(now - DAY).toISOString() }),
      { publish: true },
    )
  ).documentId;
  futureDraft = (
    await createDocument(
      strapi,
      DRAFT,
      consultationDraftData(policyId, { title: 'Dự thảo sắp mở', opensAt: new Date(now + DAY).toISOString(), closesAt: new Date(now + 10 * DAY).toISOString() }),
      { publish: true },
    )
  ).documentId;
}, 240_000);

afterAll(async () => {
  await app.stop();
});

describe('policies feed', () => {
  it('Atom: the newest 50 published policies, newest first, with stable ids, updated dates and portal links', async () => {
    const feed = await getAtom('/api/feeds/policies.atom?locale=vi');
    expectAtom(feed);
    expect(feed.id).toBe('urn:feed:policies:vi');
    const entries = feed.entry ?? [];
    expect(entries).toHaveLength(50);
    // Newest first: the last ones published lead; the five oldest of the 55 fall off.
    expect(entries[0].id).toBe(`urn:policy:${tricky}:vi`);
    expect(entries[1].id).toBe(`urn:policy:${englishPolicy}:vi`);
    expect(entries[2].id).toBe(`urn:policy:${unpublishedEdit}:vi`);
    const ids = entries.map((entry) => entry.id);
    for (const old of published.slice(0, 5)) expect(ids).not.toContain(`urn:policy:${old.documentId}:vi`);
    expect(ids).toContain(`urn:policy:${published[51].documentId}:vi`);
    const times = entries.map((entry) => new Date(entry.updated).getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(feed.updated).toBe(entries[0].updated);

    const newest = published[51];
    const entry = entries.find((candidate) => candidate.id === `urn:policy:${newest.documentId}:vi`)!;
    expect(htmlText(entry.title)).toBe(newest.title);
    expect(htmlText(entry.summary)).toBe('Tóm tắt dễ hiểu của chính sách.');
    expect(entry.link[0]['@_href']).toBe(`https://portal.example.test/vi/chinh-sach/${newest.slug}`);
    // Without a slug for the template's {slug}, the entry links to the document in this CMS's public API.
    expect(entries[0].link[0]['@_href']).toBe(`${PUBLIC_URL}/api/policies/${tricky}?locale=vi`);
  });

  it('never shows drafts, unpublished edits or fields beyond the public ones', async () => {
    const response = await app.http().get('/api/feeds/policies.atom?locale=vi');
    expect(response.text).not.toContain(draftOnly);
    expect(response.text).not.toContain('Chính sách chỉ là bản nháp');
    expect(response.text).not.toContain('Bản sửa chưa xuất bản');
    const json = await getJson('/api/feeds/policies.json?locale=vi');
    const keys = new Set(json.items.flatMap((item) => Object.keys(item)));
    expect([...keys].sort()).toEqual(['content_text', 'date_modified', 'id', 'title', 'url']);
    expect(JSON.stringify(json)).not.toMatch(/Bản sửa chưa xuất bản|Chính sách chỉ là bản nháp/);
  });

  it('escapes text into Atom (type="html") and keeps it plain in JSON Feed', async () => {
    const feed = await getAtom('/api/feeds/policies.atom?locale=vi');
    const entry = feed.entry!.find((candidate) => candidate.id === `urn:policy:${tricky}:vi`)!;
    expect(htmlText(entry.title)).toBe('Phí & lệ phí <2026> "mới"');
    expect(htmlText(entry.summary)).toBe('Tóm tắt có ký tự <b>đặc biệt</b> & ]]> kết thúc.');
    const json = await getJson('/api/feeds/policies.json?locale=vi');
    const item = json.items.find((candidate) => candidate.id === `urn:policy:${tricky}:vi`)!;
    expect(item.title).toBe('Phí & lệ phí <2026> "mới"');
    expect(item.content_text).toBe('Tóm tắt có ký tự <b>đặc biệt</b> & ]]> kết thúc.');
  });

  it('JSON Feed 1.1: the same entries in the same order', async () => {
    const [atom, json] = await Promise.all([getAtom('/api/feeds/policies.atom?locale=vi'), getJson('/api/feeds/policies.json?locale=vi')]);
    expectJsonFeed11(json);
    expect(json.language).toBe('vi');
    expect(json.feed_url).toBe(`${PUBLIC_URL}/api/feeds/policies.json?locale=vi`);
    expect(json.home_page_url).toBe('https://portal.example.test/');
    expect(json.authors).toEqual([{ name: expect.any(String) }]);
    expect(json.items.map((item) => item.id)).toEqual(atom.entry!.map((entry) => entry.id));
    expect(json.items.map((item) => item.url)).toEqual(atom.entry!.map((entry) => entry.link[0]['@_href']));
    expect(json.items.map((item) => item.date_modified)).toEqual(atom.entry!.map((entry) => entry.updated));
  });

  it('keeps an entry id across an edit and a new publication; the entry moves up with its new updated date', async () => {
    const target = published[30];
    const before = await getJson('/api/feeds/policies.json?locale=vi');
    const old = before.items.find((item) => item.id === `urn:policy:${target.documentId}:vi`)!;
    await app.strapi.documents(POLICY).update({ documentId: target.documentId, locale: 'vi', data: { summary: 'Tóm tắt đã cập nhật.' } } as never);
    await publishTrusted(app.strapi, POLICY, target.documentId);
    const after = await getJson('/api/feeds/policies.json?locale=vi');
    expect(after.items[0].id).toBe(old.id);
    expect(after.items[0].content_text).toBe('Tóm tắt đã cập nhật.');
    expect(new Date(after.items[0].date_modified).getTime()).toBeGreaterThan(new Date(old.date_modified).getTime());
    expect(after.items).toHaveLength(50);
  });

  it('English: only the policies with a published English version, in English', async () => {
    const feed = await getAtom('/api/feeds/policies.atom?locale=en');
    expect(feed.id).toBe('urn:feed:policies:en');
    expect(feed.title).toBe('Policies');
    expect(feed.entry).toHaveLength(1);
    expect(feed.entry![0].id).toBe(`urn:policy:${englishPolicy}:en`);
    expect(htmlText(feed.entry![0].title)).toBe('Bilingual policy');
    expect(feed.entry![0].link[0]['@_href']).toBe('https://portal.example.test/en/chinh-sach/bilingual-policy');
    const json = await getJson('/api/feeds/policies.json?locale=en');
    expect(json.language).toBe('en');
    expect(json.items.map((item) => item.title)).toEqual(['Bilingual policy']);
  });

  it('defaults to Vietnamese', async () => {
    const withDefault = await app.http().get('/api/feeds/policies.atom');
    const explicit = await app.http().get('/api/feeds/policies.atom?locale=vi');
    expect(withDefault.status).toBe(200);
    expect(withDefault.text.replace(/\?locale=vi/g, '')).toBe(explicit.text.replace(/\?locale=vi/g, ''));
  });
});

describe('consultation drafts feed', () => {
  it('lists the published drafts open now only, linking to the public API when the portal template cannot name them', async () => {
    const feed = await getAtom('/api/feeds/consultation-drafts.atom?locale=vi');
    expectAtom(feed);
    expect(feed.id).toBe('urn:feed:consultation-drafts:vi');
    expect((feed.entry ?? []).map((entry) => entry.id)).toEqual([`urn:consultation-draft:${openDraft}:vi`]);
    const [entry] = feed.entry!;
    expect(htmlText(entry.title)).toBe('Dự thảo đang mở');
    expect(htmlText(entry.summary)).toBe('Mời góp ý.');
    // Drafts have no slug for the template's {slug}: the link is the document in this CMS's public API.
    expect(entry.link[0]['@_href']).toBe(`${PUBLIC_URL}/api/consultation-drafts/${openDraft}?locale=vi`);
    const text = (await app.http().get('/api/feeds/consultation-drafts.atom?locale=vi')).text;
    for (const absent of [openDraftUnpublished, closedDraft, futureDraft]) expect(text).not.toContain(absent);
  });

  it('JSON Feed 1.1 with the consultation window as an extension', async () => {
    const feed = await getJson('/api/feeds/consultation-drafts.json?locale=vi');
    expectJsonFeed11(feed);
    expect(feed.items).toHaveLength(1);
    const [item] = feed.items;
    expect(item.id).toBe(`urn:consultation-draft:${openDraft}:vi`);
    const window = item._consultation as { opensAt: string; closesAt: string };
    expect(new Date(window.opensAt).getTime()).toBeLessThanOrEqual(Date.now());
    expect(new Date(window.closesAt).getTime()).toBeGreaterThan(Date.now());
  });

  it('is empty, and still valid, in a locale without open drafts', async () => {
    const atom = await getAtom('/api/feeds/consultation-drafts.atom?locale=en');
    expectAtom(atom);
    expect(atom.entry ?? []).toHaveLength(0);
    expect(atom.title).toBe('Drafts open for consultation');
    const json = await getJson('/api/feeds/consultation-drafts.json?locale=en');
    expectJsonFeed11(json);
    expect(json.items).toEqual([]);
  });
});

describe('HTTP caching', () => {
  it.each(['/api/feeds/policies.atom?locale=vi', '/api/feeds/policies.json?locale=vi', '/api/feeds/consultation-drafts.atom', '/api/feeds/consultation-drafts.json?locale=en'])(
    '%s: strong ETag, public max-age, the feed content type kept, 304 on If-None-Match',
    async (url) => {
      const first = await app.http().get(url);
      expect(first.status).toBe(200);
      expect(first.headers.etag).toMatch(/^"[A-Za-z0-9_-]{16,}"$/);
      expect(first.headers['cache-control']).toBe('public, max-age=90');
      expect(first.headers.vary).toMatch(/Accept-Encoding/);
      expect(first.headers['content-type']).toMatch(/^application\/(atom\+xml|feed\+json); charset=utf-8$/);
      const again = await app.http().get(url).set('If-None-Match', first.headers.etag);
      expect(again.status).toBe(304);
      expect(again.text ?? '').toBe('');
    },
  );

  it('changes the ETag when a policy is published', async () => {
    const before = await app.http().get('/api/feeds/policies.atom?locale=vi');
    await createDocument(app.strapi, POLICY, policyData({ title: 'Chính sách mới nhất' }), { publish: true });
    const after = await app.http().get('/api/feeds/policies.atom?locale=vi').set('If-None-Match', before.headers.etag);
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.text).toContain('Chính sách mới nhất');
  });

  it('answers an authenticated request private, no-store', async () => {
    const token = await createFullAccessToken(app.strapi);
    const response = await app.http().get('/api/feeds/policies.json').set('Authorization', `Bearer ${token}`);
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('private, no-store');
    expect(response.headers.etag).toBeUndefined();
  });
});

describe('bad queries', () => {
  it.each([
    ['?foo=1', 'foo'],
    ['?locale=vi&page=2', 'page'],
    ['?filters[title][$eq]=x', 'filters'],
    ['?locale=fr', 'locale'],
    ['?locale=', 'locale'],
    ['?locale=vi&locale=en', 'locale'],
    ['?locale[$ne]=vi', 'locale'],
    ['?locale=%00', 'locale'],
  ])('%s → 400 naming %s, never cached', async (query, field) => {
    for (const path of ['/api/feeds/policies.atom', '/api/feeds/consultation-drafts.json']) {
      const response = await app.http().get(`${path}${query}`);
      expect(response.status).toBe(400);
      expect(response.body.error.name).toBe('ValidationError');
      expect(response.body.error.message).toContain(field);
      expect(response.body.error.details.errors[0].path).toEqual([field]);
      expect(response.headers['cache-control'] ?? '').not.toMatch(/public/);
      expect(response.headers.etag).toBeUndefined();
    }
  });
});
