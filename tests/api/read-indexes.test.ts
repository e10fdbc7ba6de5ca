import { restartTestApp, startTestApp, type TestApp } from '../helpers/strapi';

/** What front ends and integrators ask, and the index each question needs (declared in the schemas). */
const EXPECTED: Record<string, Array<{ name: string; columns: string[] }>> = {
  policies: [
    { name: 'policies_locale_published_idx', columns: ['locale', 'published_at'] },
    { name: 'policies_locale_updated_idx', columns: ['locale', 'updated_at'] },
    { name: 'policies_stage_idx', columns: ['stage'] },
    { name: 'policies_slug_idx', columns: ['slug', 'locale'] },
    { name: 'policies_short_code_idx', columns: ['short_code'] },
  ],
  consultation_drafts: [
    { name: 'consultation_drafts_locale_published_idx', columns: ['locale', 'published_at'] },
    { name: 'consultation_drafts_window_idx', columns: ['closes_at', 'opens_at'] },
    { name: 'consultation_drafts_short_code_idx', columns: ['short_code'] },
  ],
  radio_scripts: [{ name: 'radio_scripts_locale_published_idx', columns: ['locale', 'published_at'] }],
};

type Inspector = { getIndexes: (table: string) => Promise<Array<{ name: string; columns: string[] }>> };

let app: TestApp;

const indexesOf = async (table: string) =>
  (await (app.strapi.db.dialect as unknown as { schemaInspector: Inspector }).schemaInspector.getIndexes(table)).map(({ name, columns }) => ({ name, columns }));

beforeAll(async () => {
  app = await startTestApp('read-indexes');
});

afterAll(async () => {
  await app.stop();
});

describe('indexes for the public read path', () => {
  // Strapi's PostgreSQL inspector lists an index's columns in table order, not key order: compare them as sets (the
  // query-plan case below shows the key order serves the list).
  it.each(Object.keys(EXPECTED))('%s has its read indexes', async (table) => {
    const found = (await indexesOf(table)).map(({ name, columns }) => ({ name, columns: [...columns].sort() }));
    for (const index of EXPECTED[table]) expect(found).toContainEqual({ name: index.name, columns: [...index.columns].sort() });
  });

  it('the public list of a locale, newest published first, can be answered from its index (query plan)', async () => {
    const query = "SELECT id FROM policies WHERE locale = 'vi' AND published_at IS NOT NULL ORDER BY published_at DESC LIMIT 25";
    const knex = app.strapi.db.connection;
    let plan: string;
    if (app.strapi.db.config.connection.client === 'sqlite') {
      plan = ((await knex.raw(`EXPLAIN QUERY PLAN ${query}`)) as Array<{ detail: string }>).map((step) => step.detail).join(' | ');
    } else {
      // With a handful of rows PostgreSQL rightly prefers a sequential scan: forbid it to see which index it can use.
      plan = await knex.transaction(async (trx) => {
        await trx.raw('SET LOCAL enable_seqscan = off');
        const result = (await trx.raw(`EXPLAIN ${query}`)) as { rows: Array<{ 'QUERY PLAN': string }> };
        return result.rows.map((row) => row['QUERY PLAN']).join(' | ');
      });
    }
    expect(plan).toContain('policies_locale_published_idx');
  });

  it('keeps them, and adds nothing twice, when the app boots again on the same database', async () => {
    app = await restartTestApp(app);
    for (const table of Object.keys(EXPECTED)) {
      const names = (await indexesOf(table)).map((index) => index.name);
      for (const index of EXPECTED[table]) expect(names.filter((name) => name === index.name)).toHaveLength(1);
    }
  });
});
