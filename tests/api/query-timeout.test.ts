import { Client } from 'pg';
import { seedDemo } from '../../src/seed';
import { startTestApp, type TestApp } from '../helpers/strapi';

/**
 * PostgreSQL stops a content-API read at the statement timeout, so no query runs on after its
 * client has gone. The query limits are loosened here so that the probe's slow query reaches the
 * database at all. SQLite has no statement timeout: there the limits alone bound the cost
 * (tests/api/query-cost.test.ts), so this file runs on PostgreSQL only.
 */
const onPostgres = process.env.DATABASE_CLIENT === 'postgres';
const TIMEOUT_MS = 200;
const MARKER = 'timeout-probe';

let app: TestApp;

const activeProbeQueries = async (): Promise<number> => {
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${app.database.name}`;
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const result = await client.query(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND state = 'active' AND query LIKE $2",
      [app.database.name, `%${MARKER}%`],
    );
    return result.rows[0].n as number;
  } finally {
    await client.end();
  }
};

(onPostgres ? describe : describe.skip)('the statement timeout of public reads (PostgreSQL)', () => {
  beforeAll(async () => {
    app = await startTestApp('query-timeout', {
      CONTENT_API_STATEMENT_TIMEOUT_MS: String(TIMEOUT_MS),
      QUERY_MAX_BRANCHES: '100',
      QUERY_MAX_RELATION_FILTERS: '100',
      QUERY_MAX_RELATION_DEPTH: '5',
    });
    await seedDemo(app.strapi);
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('stops a read that runs past the timeout with a 503 that says what to do, and nothing keeps running', async () => {
    const branches = Array.from(
      { length: 9 },
      (_, index) => `filters[$or][${index}][focalPoints][agency][focalPoints][fullName][$containsi]=${MARKER}${index}`,
    ).join('&');
    const response = await app.http().get(`/api/agencies?${branches}`);
    expect(response.status).toBe(503);
    expect(response.body.error.message).toMatch(/took longer than 0.2 s and was stopped/);
    expect(await activeProbeQueries()).toBe(0);
  });

  it('keeps serving ordinary reads afterwards', async () => {
    const response = await app.http().get('/api/agencies?populate=focalPoints');
    expect(response.status).toBe(200);
    expect(response.body.data.length).toBeGreaterThan(0);
  });
});
