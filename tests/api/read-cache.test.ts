import request from 'supertest';
import { Client } from 'pg';
import { createFullAccessToken } from '../helpers/api-token';
import { startAppNode, type AppNode } from '../helpers/app-node';
import { agencyData, createDocument, policyData, publishTrusted } from '../helpers/content';
import { eventually } from '../helpers/publishing';
import { startTestApp, type TestApp } from '../helpers/strapi';

/**
 * The in-memory read cache (src/lib/read-cache.ts, src/middlewares/public-cache.ts): anonymous reads
 * of published content are answered from memory until something they were read from changes, on
 * every node. `X-Read-Cache: hit` is the node saying it answered from memory; the query counter
 * proves that nothing reached the database.
 */
const POLICY = 'api::policy.policy';
const AGENCY = 'api::agency.agency';
const onPostgres = process.env.DATABASE_CLIENT === 'postgres';

let app: TestApp;
let agencyId: string;
let policyId: string;

/**
 * Changes the published row behind the read cache's back (raw SQL: no lifecycle, so no invalidation):
 * an answer that still shows the old title came from memory, not from the database.
 */
const retitleBehindTheCache = async (documentId: string, title: string) => {
  await app.strapi.db.connection('policies').where({ document_id: documentId }).whereNotNull('published_at').update({ title });
};

const listUrl = () => `/api/policies?locale=vi&populate[0]=leadAgency&filters[documentId][$eq]=${policyId}`;
const get = (url: string) => app.http().get(url);

beforeAll(async () => {
  app = await startTestApp('read-cache');
  agencyId = (await createDocument(app.strapi, AGENCY, agencyData({ name: 'Sở Tài chính (cũ)' }))).documentId;
  policyId = (await createDocument(app.strapi, POLICY, policyData({ title: 'Chính sách đọc từ bộ nhớ', leadAgency: agencyId }), { publish: true })).documentId;
});

afterAll(async () => {
  await app.stop();
});

describe('one node', () => {
  it('answers a repeated anonymous read from memory, with the same bytes and ETag, without asking the database', async () => {
    const first = await get(listUrl());
    expect(first.status).toBe(200);
    expect(first.headers['x-read-cache']).toBe('miss');
    await retitleBehindTheCache(policyId, 'Đổi thẳng trong cơ sở dữ liệu');
    const second = await get(listUrl());
    expect(second.headers['x-read-cache']).toBe('hit');
    expect(second.body.data[0].title).toBe('Chính sách đọc từ bộ nhớ');
    await retitleBehindTheCache(policyId, 'Chính sách đọc từ bộ nhớ');
    expect(second.text).toBe(first.text);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.headers['content-type']).toBe(first.headers['content-type']);
    expect(second.headers['cache-control']).toMatch(/^public, max-age=\d+$/);
    const revalidated = await get(listUrl()).set('If-None-Match', first.headers.etag);
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers['x-read-cache']).toBe('hit');
    expect(revalidated.text ?? '').toBe('');
  });

  it('serves a changed document at once after re-publishing, and ignores draft saves', async () => {
    const url = `/api/policies/${policyId}?locale=vi`;
    await get(url);
    await app.strapi.documents(POLICY).update({ documentId: policyId, locale: 'vi', data: { title: 'Tiêu đề mới, còn là bản nháp' } } as never);
    const afterDraft = await get(url);
    expect(afterDraft.headers['x-read-cache']).toBe('hit');
    expect(afterDraft.body.data.title).toBe('Chính sách đọc từ bộ nhớ');

    await publishTrusted(app.strapi, POLICY, policyId);
    const afterPublish = await get(url);
    expect(afterPublish.headers['x-read-cache']).toBe('miss');
    expect(afterPublish.body.data.title).toBe('Tiêu đề mới, còn là bản nháp');
  });

  it('clears answers that populate a changed related entry (the lead agency renamed)', async () => {
    await get(listUrl());
    expect((await get(listUrl())).headers['x-read-cache']).toBe('hit');
    await app.strapi.documents(AGENCY).update({ documentId: agencyId, locale: 'vi', data: { name: 'Sở Tài chính' } } as never);
    const after = await get(listUrl());
    expect(after.headers['x-read-cache']).toBe('miss');
    expect(after.body.data[0].leadAgency.name).toBe('Sở Tài chính');
  });

  it('stops serving an unpublished or deleted document at once', async () => {
    const doc = await createDocument(app.strapi, POLICY, policyData({ title: 'Sắp bị gỡ' }), { publish: true });
    const url = `/api/policies/${doc.documentId}?locale=vi`;
    expect((await get(url)).status).toBe(200);
    expect((await get(url)).headers['x-read-cache']).toBe('hit');
    await app.strapi.documents(POLICY).unpublish({ documentId: doc.documentId, locale: 'vi' } as never);
    expect((await get(url)).status).toBe(404);

    await publishTrusted(app.strapi, POLICY, doc.documentId);
    expect((await get(url)).status).toBe(200);
    await app.strapi.documents(POLICY).delete({ documentId: doc.documentId, locale: '*' } as never);
    expect((await get(url)).status).toBe(404);
  });

  it('answers a burst of the same new request with one read: the others wait for it instead of asking the database', async () => {
    const doc = await createDocument(app.strapi, POLICY, policyData({ title: 'Cả tỉnh cùng mở', leadAgency: agencyId }), { publish: true });
    const path = `/api/policies/${doc.documentId}?locale=vi&populate[0]=leadAgency`;
    const BURST = 10;
    // The first read of the document is held at the document service (Strapi's own extension point)
    // until all the requests of the burst have reached the server.
    let reads = 0;
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    app.strapi.documents.use(async (context, next) => {
      const { uid, action, params } = context as unknown as { uid: string; action: string; params: { documentId?: string } };
      if (uid === POLICY && action === 'findOne' && params?.documentId === doc.documentId) {
        reads += 1;
        await gate;
      }
      return next();
    });
    const server = app.strapi.server.httpServer;
    let arrived = 0;
    const count = (request: { url?: string }) => {
      if (request.url === path) arrived += 1;
    };
    server.prependListener('request', count);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as { port: number };
      const answers = Array.from({ length: BURST }, () => fetch(`http://127.0.0.1:${port}${path}`));
      await eventually('every request of the burst reached the server', () => arrived === BURST);
      await eventually('the first read reached the database', () => reads >= 1);
      open();
      const responses = await Promise.all(answers);
      const bodies = await Promise.all(responses.map((response) => response.text()));
      expect(responses.map((response) => response.status)).toEqual(Array(BURST).fill(200));
      expect(reads).toBe(1);
      expect(responses.map((response) => response.headers.get('x-read-cache')).sort()).toEqual([...Array(BURST - 1).fill('hit'), 'miss']);
      expect(new Set(bodies).size).toBe(1);
      expect(JSON.parse(bodies[0]).data.leadAgency.documentId).toBe(agencyId);
    } finally {
      server.removeListener('request', count);
      open();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('never answers an authenticated request from memory, and never stores it', async () => {
    const token = await createFullAccessToken(app.strapi, 'read-cache');
    await get(listUrl());
    await retitleBehindTheCache(policyId, 'Đổi thẳng, đọc bằng khóa API');
    const authed = await get(listUrl()).set('Authorization', `Bearer ${token}`);
    expect(authed.status).toBe(200);
    expect(authed.headers['x-read-cache']).toBeUndefined();
    expect(authed.headers['cache-control']).toBe('private, no-store');
    expect(authed.body.data[0].title).toBe('Đổi thẳng, đọc bằng khóa API');
    await retitleBehindTheCache(policyId, 'Tiêu đề mới, còn là bản nháp');

    // A draft read with the token is not kept for the next anonymous caller of the same URL.
    const draftUrl = `/api/policies/${policyId}?locale=vi&status=draft`;
    await app.strapi.documents(POLICY).update({ documentId: policyId, locale: 'vi', data: { summary: 'Bản nháp bí mật' } } as never);
    const draft = await get(draftUrl).set('Authorization', `Bearer ${token}`);
    expect(draft.body.data.summary).toBe('Bản nháp bí mật');
    const anonymous = await get(draftUrl);
    expect(JSON.stringify(anonymous.body)).not.toContain('Bản nháp bí mật');
  });

  it('follows a change of what the public may read (a permission removed from the Public role)', async () => {
    const url = '/api/audiences';
    expect((await get(url)).status).toBe(200);
    expect((await get(url)).headers['x-read-cache']).toBe('hit');
    const permission = 'api::audience.audience.find';
    const removed = await app.strapi.db.query('plugin::users-permissions.permission').findOne({ where: { action: permission, role: { type: 'public' } } });
    expect(removed).toBeTruthy();
    await app.strapi.db.query('plugin::users-permissions.permission').delete({ where: { id: removed.id } });
    // users-permissions reads its permissions per request: the next anonymous read is refused.
    expect((await get(url)).status).toBe(403);
    await app.strapi.db.query('plugin::users-permissions.permission').create({ data: { action: permission, role: await publicRoleId() } });
    expect((await get(url)).status).toBe(200);
  });
});

describe('GraphQL', () => {
  const query = (documentId: string) =>
    `query One($locale: I18NLocaleCode) { policies(filters: { documentId: { eq: "${documentId}" } }, locale: $locale) { documentId title leadAgency { name } } }`;
  const ask = (body: object) => app.http().post('/graphql').send(body);
  const titleOf = (response: { body: { data?: { policies?: Array<{ title: string }> } } }) => response.body.data?.policies?.[0]?.title;

  it('answers a repeated anonymous query from memory, and reads again once what it holds changed', async () => {
    const body = { query: query(policyId), variables: { locale: 'vi' } };
    const first = await ask(body);
    expect(first.status).toBe(200);
    expect(first.headers['x-read-cache']).toBe('miss');
    await retitleBehindTheCache(policyId, 'Đổi thẳng, hỏi bằng GraphQL');
    const second = await ask(body);
    await retitleBehindTheCache(policyId, 'Chính sách đọc từ bộ nhớ');
    expect(second.headers['x-read-cache']).toBe('hit');
    expect(second.text).toBe(first.text);
    expect(second.headers['content-type']).toBe(first.headers['content-type']);
    // Other variables are another answer.
    expect((await ask({ ...body, variables: { locale: 'en' } })).headers['x-read-cache']).toBe('miss');

    // The lead agency it populates is renamed: the next answer is read again.
    await app.strapi.documents(AGENCY).update({ documentId: agencyId, data: { name: 'Sở Tài chính (GraphQL)' } } as never);
    const after = await ask(body);
    expect(after.headers['x-read-cache']).toBe('miss');
    expect(after.body.data.policies[0].leadAgency.name).toBe('Sở Tài chính (GraphQL)');
  });

  it('never answers from memory, nor keeps, an authenticated request, a mutation, a batch or an answer with errors', async () => {
    const body = { query: query(policyId) };
    await ask(body);
    expect((await ask(body)).headers['x-read-cache']).toBe('hit');
    const token = await createFullAccessToken(app.strapi, 'graphql-cache');
    await retitleBehindTheCache(policyId, 'Đổi thẳng, hỏi bằng khóa API');
    const authed = await ask(body).set('Authorization', `Bearer ${token}`);
    await retitleBehindTheCache(policyId, 'Chính sách đọc từ bộ nhớ');
    expect(authed.headers['x-read-cache']).toBeUndefined();
    expect(titleOf(authed)).toBe('Đổi thẳng, hỏi bằng khóa API');

    const refused = { query: '{ feedbacks { documentId content } }' };
    for (let i = 0; i < 2; i += 1) {
      const answer = await ask(refused);
      expect(answer.body.errors?.length).toBeGreaterThan(0);
      expect(answer.headers['x-read-cache']).toBe(undefined);
    }
    const mutation = { query: `mutation { deletePolicy(documentId: "${policyId}") { documentId } }` };
    for (let i = 0; i < 2; i += 1) expect((await ask(mutation)).headers['x-read-cache']).toBeUndefined();
    expect((await app.strapi.db.query(POLICY).count({ where: { documentId: policyId } }))).toBeGreaterThan(0);
    const batch = await app.http().post('/graphql').send([body]);
    expect(batch.headers['x-read-cache']).toBeUndefined();
  });

  it('keeps its answers when a citizen sends feedback (feedback is in no public answer)', async () => {
    const body = { query: query(policyId) };
    await ask(body);
    expect((await ask(body)).headers['x-read-cache']).toBe('hit');
    const intake = await app.http().post('/api/feedbacks').set('X-Forwarded-For', '10.20.30.40').send({
      data: { policy: policyId, submitterType: 'citizen', content: 'Góp ý khi câu trả lời GraphQL đang được giữ trong bộ nhớ.', category: 'comment' },
    });
    expect(intake.status).toBe(201);
    expect((await ask(body)).headers['x-read-cache']).toBe('hit');
  });
});

const publicRoleId = async (): Promise<number> =>
  ((await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } })) as { id: number }).id;

// Several nodes share one database only on PostgreSQL (SQLite has a single writer and one node).
const describeOnPostgres = onPostgres ? describe : describe.skip;
if (!onPostgres) {
  // eslint-disable-next-line no-console
  console.info('read-cache: the two-node cases are skipped on SQLite');
}

describeOnPostgres('two nodes on one PostgreSQL database', () => {
  let other: AppNode;
  let otherUrl: string;
  const otherGet = (path: string) => request(otherUrl).get(path);

  beforeAll(async () => {
    other = startAppNode({ APP_NODE_HTTP: 'true', STARTUP_BANNER: 'false' });
    otherUrl = `http://127.0.0.1:${await other.line('LISTENING')}`;
  });

  afterAll(async () => {
    await other?.stop();
  });

  /** Reads on the other node until it answers from memory (its LISTEN connection may still be opening). */
  const cachedOnOther = (path: string) => eventually(`${path} cached on the other node`, async () => (await otherGet(path)).headers['x-read-cache'] === 'hit');

  it('a publish on one node is served by the other as soon as it commits', async () => {
    const url = `/api/policies/${policyId}?locale=vi`;
    await cachedOnOther(url);
    await app.strapi.documents(POLICY).update({ documentId: policyId, locale: 'vi', data: { title: 'Sửa trên nút thứ nhất' } } as never);
    await publishTrusted(app.strapi, POLICY, policyId);
    const seen = await eventually('the other node serves the new title', async () => {
      const response = await otherGet(url);
      return response.body.data?.title === 'Sửa trên nút thứ nhất' ? response : null;
    }, { timeoutMs: 5000, intervalMs: 10 });
    expect(seen.status).toBe(200);
  });

  it('a GraphQL answer on the other node is read again once a publish here commits', async () => {
    const body = { query: `{ policies(filters: { documentId: { eq: "${policyId}" } }) { title } }` };
    const otherAsk = () => request(otherUrl).post('/graphql').send(body);
    await eventually('the GraphQL answer cached on the other node', async () => (await otherAsk()).headers['x-read-cache'] === 'hit');
    await app.strapi.documents(POLICY).update({ documentId: policyId, locale: 'vi', data: { title: 'Sửa trên nút thứ nhất, đọc bằng GraphQL' } } as never);
    await publishTrusted(app.strapi, POLICY, policyId);
    await eventually('the other node answers the new title', async () => (await otherAsk()).body.data?.policies?.[0]?.title === 'Sửa trên nút thứ nhất, đọc bằng GraphQL', { timeoutMs: 5000, intervalMs: 10 });
  });

  it('an unpublish on one node is never served by the other from memory afterwards', async () => {
    const doc = await createDocument(app.strapi, POLICY, policyData({ title: 'Gỡ trên nút thứ nhất' }), { publish: true });
    const url = `/api/policies/${doc.documentId}?locale=vi`;
    await cachedOnOther(url);
    await app.strapi.documents(POLICY).unpublish({ documentId: doc.documentId, locale: 'vi' } as never);
    await eventually('the other node stops serving it', async () => (await otherGet(url)).status === 404, { timeoutMs: 5000, intervalMs: 10 });
  });

  it('stops caching while its invalidation channel is down, and forgets what it missed', async () => {
    const url = `/api/policies/${policyId}?locale=vi`;
    await cachedOnOther(url);
    const sameDatabase = new URL(process.env.DATABASE_URL as string);
    sameDatabase.pathname = `/${process.env.DATABASE_NAME}`;
    const admin = new Client({ connectionString: sameDatabase.toString() });
    await admin.connect();
    try {
      // Cut every LISTEN connection on this database (the other node's, and this node's own).
      const cut = await admin.query(
        "select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'LISTEN %' and pid <> pg_backend_pid()",
      );
      expect(cut.rowCount).toBeGreaterThanOrEqual(1);
    } finally {
      await admin.end();
    }
    await app.strapi.documents(POLICY).update({ documentId: policyId, locale: 'vi', data: { title: 'Sửa khi kênh bị ngắt' } } as never);
    await publishTrusted(app.strapi, POLICY, policyId);
    // Whatever the other node heard or not, it never answers the old title once the change committed.
    const response = await otherGet(url);
    if (response.headers['x-read-cache'] === 'hit') expect(response.body.data.title).toBe('Sửa khi kênh bị ngắt');
    await eventually('the other node serves the new title', async () => (await otherGet(url)).body.data?.title === 'Sửa khi kênh bị ngắt');
    await cachedOnOther(url);
  });
});
