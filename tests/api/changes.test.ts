import { createPolicy, EVENT, POLICY, publishingEnv, publishPolicy, unpublishPolicy, updatePolicyDraft } from '../helpers/publishing';
import { startTestApp, type TestApp } from '../helpers/strapi';

/**
 * The public change feed (README: "Change feed"), through HTTP: contract, paging with nextCursor,
 * tombstones, strict parameters, public content types only, HTTP caching. The concurrency guarantee
 * is proved on PostgreSQL by changes-concurrent.test.ts.
 */
type Entry = { cursor: string; type: string; uid: string; documentId: string; locale: string | null; occurredAt: string };
type Page = { data: Entry[]; meta: { nextCursor: string; hasMore: boolean } };

const FEEDBACK = 'api::feedback.feedback';
const cursorOf = (payload: unknown) => Buffer.from(JSON.stringify(payload)).toString('base64url');

let app: TestApp;
let first: string;
let second: string;
let removed: string;

const get = async (query = ''): Promise<Page> => {
  const response = await app.http().get(`/api/changes${query}`);
  expect(response.status).toBe(200);
  return response.body as Page;
};

/** Follows nextCursor from `since` until hasMore is false; returns every entry and the last cursor. */
const follow = async (limit: number, since?: string): Promise<{ entries: Entry[]; cursor: string; pages: number }> => {
  const entries: Entry[] = [];
  let cursor = since;
  for (let pages = 1; ; pages += 1) {
    const page = await get(`?limit=${limit}${cursor ? `&since=${cursor}` : ''}`);
    entries.push(...page.data);
    cursor = page.meta.nextCursor;
    if (!page.meta.hasMore) return { entries, cursor, pages };
  }
};

const summary = (entries: Entry[]) => entries.map(({ type, documentId, locale }) => [type, documentId, locale]);

/** A publication event of a content type the public cannot read, recorded the way the plugin does (counter row, then the event). */
const recordPrivateEvent = async (documentId: string) =>
  app.strapi.db.transaction(async ({ trx }) => {
    const [row] = (await trx('multichannel_publishing_state')
      .where({ key: 'event-sequence' })
      .update({ counter: trx.raw('?? + 1', ['counter']) }, ['counter'])) as Array<{ counter: unknown }>;
    await app.strapi.db.query(EVENT as never).create({
      data: { sequence: Number(row.counter), type: 'published', targetUid: FEEDBACK, targetDocumentId: documentId, targetLocale: null, entryId: 1, occurredAt: new Date(), snapshot: { secret: 'never shown' } },
    });
  });

beforeAll(async () => {
  app = await startTestApp('changes', { ...publishingEnv(), HTTP_CACHE_MAX_AGE: '30' });
  first = await createPolicy(app.strapi, { title: 'Chính sách thứ nhất' });
  await publishPolicy(app.strapi, first);
  await updatePolicyDraft(app.strapi, first, { title: 'First policy', summary: 'In English.' }, 'en');
  await publishPolicy(app.strapi, first, 'en');
  second = await createPolicy(app.strapi, { title: 'Chính sách thứ hai' });
  await publishPolicy(app.strapi, second);
  await recordPrivateEvent('feedback-private-1');
  await updatePolicyDraft(app.strapi, first, { summary: 'Bản sửa đổi.' });
  await publishPolicy(app.strapi, first);
  await unpublishPolicy(app.strapi, second);
  removed = await createPolicy(app.strapi, { title: 'Chính sách bị xoá' });
  await publishPolicy(app.strapi, removed);
  await app.strapi.documents(POLICY as never).delete({ documentId: removed, locale: 'vi' } as never);
});

afterAll(async () => {
  await app?.stop();
});

describe('GET /api/changes', () => {
  it('lists every change of public content oldest first, with tombstones for unpublish and delete', async () => {
    const page = await get();
    expect(summary(page.data)).toEqual([
      ['published', first, 'vi'],
      ['published', first, 'en'],
      ['published', second, 'vi'],
      ['updated', first, 'vi'],
      ['unpublished', second, 'vi'],
      ['published', removed, 'vi'],
      ['deleted', removed, 'vi'],
    ]);
    expect(page.meta).toEqual({ nextCursor: page.data.at(-1)!.cursor, hasMore: false });
  });

  it('names documents and times only, never the contents of the event', async () => {
    const page = await get();
    for (const entry of page.data) {
      expect(Object.keys(entry).sort()).toEqual(['cursor', 'documentId', 'locale', 'occurredAt', 'type', 'uid']);
      expect(entry.uid).toBe(POLICY);
      expect(new Date(entry.occurredAt).toISOString()).toBe(entry.occurredAt);
      expect(entry.cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    }
    expect(new Set(page.data.map((entry) => entry.cursor)).size).toBe(page.data.length);
  });

  it('never shows events of content types the public cannot read', async () => {
    const text = (await app.http().get('/api/changes?limit=500')).text;
    expect(text).not.toContain(FEEDBACK);
    expect(text).not.toContain('feedback-private-1');
    expect(text).not.toContain('never shown');
  });

  it('pages with limit and nextCursor: every change once, in order, hasMore until the end', async () => {
    const all = (await get()).data;
    const followed = await follow(2);
    expect(followed.entries).toEqual(all);
    expect(followed.pages).toBe(4);
    expect(followed.cursor).toBe(all.at(-1)!.cursor);
    // The page before the last says there is more.
    const third = await get(`?limit=2&since=${all[3].cursor}`);
    expect(third.data).toEqual(all.slice(4, 6));
    expect(third.meta).toEqual({ nextCursor: all[5].cursor, hasMore: true });
  });

  it('returns the given cursor as nextCursor when nothing is new, then the next change once it happens', async () => {
    const { cursor } = await follow(500);
    const idle = await get(`?since=${cursor}`);
    expect(idle).toEqual({ data: [], meta: { nextCursor: cursor, hasMore: false } });

    await publishPolicy(app.strapi, second);
    const next = await get(`?since=${cursor}`);
    expect(summary(next.data)).toEqual([['published', second, 'vi']]);
    expect(next.meta.nextCursor).toBe(next.data[0].cursor);
    expect((await get(`?since=${next.meta.nextCursor}`)).data).toEqual([]);
  });

  it('starts from the beginning without since, the same as the cursor of the beginning', async () => {
    const fromStart = await get('?limit=1');
    expect(fromStart.data).toHaveLength(1);
    expect(fromStart.meta.hasMore).toBe(true);
    expect(await get(`?limit=1&since=${cursorOf({ v: 1, s: 0 })}`)).toEqual(fromStart);
    const empty = await get(`?since=${cursorOf({ v: 1, s: 0 })}&limit=1`);
    expect(empty.meta.nextCursor).toBe(fromStart.data[0].cursor);
  });

  it.each([
    ['garbage', 'x'],
    ['an empty value', ''],
    ['base64 with padding', `${cursorOf({ v: 1, s: 1 })}=`],
    ['another version', cursorOf({ v: 2, s: 1 })],
    ['a negative position', cursorOf({ v: 1, s: -1 })],
    ['a fractional position', cursorOf({ v: 1, s: 1.5 })],
    ['a position as text', cursorOf({ v: 1, s: '1' })],
    ['an extra key', cursorOf({ v: 1, s: 1, x: 0 })],
    ['JSON that is not an object', cursorOf([1, 1])],
    ['a very long value', 'A'.repeat(5000)],
  ])('answers 400 naming since for %s', async (_case, since) => {
    const response = await app.http().get('/api/changes').query({ since });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
    expect(response.body.error.message).toMatch(/^since/);
    expect(response.body.error.details.errors[0].path).toEqual(['since']);
  });

  it('answers 400 naming since when it is given twice', async () => {
    const since = cursorOf({ v: 1, s: 1 });
    const response = await app.http().get(`/api/changes?since=${since}&since=${since}`);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/^since/);
  });

  it.each(['0', '501', '-1', '1.5', 'abc', '', '1e2', '99999'])('answers 400 naming limit for limit=%s', async (limit) => {
    const response = await app.http().get('/api/changes').query({ limit });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
    expect(response.body.error.message).toMatch(/^limit/);
    expect(response.body.error.details.errors[0].path).toEqual(['limit']);
  });

  it('accepts the limits 1 and 500', async () => {
    expect((await get('?limit=1')).data).toHaveLength(1);
    expect((await get('?limit=500')).meta.hasMore).toBe(false);
  });

  it('answers 400 naming any other parameter', async () => {
    const response = await app.http().get('/api/changes?after=1');
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/^after is not a parameter/);
  });

  it('sends a strong ETag and public max-age, and 304 on If-None-Match', async () => {
    const one = await app.http().get('/api/changes?limit=3');
    expect(one.headers.etag).toMatch(/^"[A-Za-z0-9_-]{16,}"$/);
    expect(one.headers['cache-control']).toBe('public, max-age=30');
    const again = await app.http().get('/api/changes?limit=3').set('If-None-Match', one.headers.etag);
    expect(again.status).toBe(304);
    expect(again.text ?? '').toBe('');
    const bad = await app.http().get('/api/changes?limit=0');
    expect(bad.headers.etag).toBeUndefined();
    expect(bad.headers['cache-control'] ?? '').not.toMatch(/public/);
  });
});
