import { restartTestApp, startTestApp, type TestApp } from '../helpers/strapi';

/** What front ends and integrators ask, and the index each question needs (declared in the schemas). */
const EXPECTED: Record<string, Array<{ name: string; columns: string[] }>> = {
  policies: [
    { name: 'policies_locale_published_idx', columns: ['locale', 'published_at', 'id'] },
    { name: 'policies_locale_updated_idx', columns: ['locale', 'updated_at'] },
    { name: 'policies_stage_idx', columns: ['stage'] },
    { name: 'policies_slug_idx', columns: ['slug', 'locale'] },
    { name: 'policies_short_code_idx', columns: ['short_code'] },
  ],
  consultation_drafts: [
    { name: 'consultation_drafts_locale_published_idx', columns: ['locale', 'published_at', 'id'] },
    { name: 'consultation_drafts_window_idx', columns: ['closes_at', 'opens_at'] },
    { name: 'consultation_drafts_short_code_idx', columns: ['short_code'] },
  ],
  radio_scripts: [
    { name: 'radio_scripts_locale_published_idx', columns: ['locale', 'published_at', 'id'] },
    // The audio worker's poll (src/api/radio-script/services/radio-script.ts findDue), every few seconds on every node.
    { name: 'radio_scripts_audio_due_idx', columns: ['audio_status', 'priority', 'updated_at'] },
  ],
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
  // Strapi's PostgreSQL inspector lists an index's columns in table order, not key order, and leaves `id` out: compare
  // them as sets without `id` (the cases below show that the key order serves the list and that `id` is in the index).
  const withoutId = (columns: string[]) => columns.filter((column) => column !== 'id').sort();
  it.each(Object.keys(EXPECTED))('%s has its read indexes', async (table) => {
    const found = (await indexesOf(table)).map(({ name, columns }) => ({ name, columns: withoutId(columns) }));
    for (const index of EXPECTED[table]) expect(found).toContainEqual({ name: index.name, columns: withoutId(index.columns) });
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

  it('the total of a paginated list can be counted from the index alone: `id` is in the list indexes', async () => {
    // Strapi counts `count("t0"."id")`: without `id` in the index PostgreSQL visits every published row to count
    // them (105 ms instead of 11 ms at 100,000 policies, BENCHMARKS.md). The plan cannot show it on a handful of
    // rows, so the catalogue is asked which columns each index holds.
    const knex = app.strapi.db.connection;
    const columnsOf = async (index: string): Promise<string[]> => {
      if (app.strapi.db.config.connection.client === 'sqlite') {
        return ((await knex.raw(`PRAGMA index_info('${index}')`)) as Array<{ name: string }>).map((row) => row.name);
      }
      const result = (await knex.raw(
        'SELECT a.attname FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = ANY(ix.indkey) WHERE i.relname = ?',
        [index],
      )) as { rows: Array<{ attname: string }> };
      return result.rows.map((row) => row.attname);
    };
    for (const index of ['policies_locale_published_idx', 'consultation_drafts_locale_published_idx', 'radio_scripts_locale_published_idx']) {
      expect({ index, columns: (await columnsOf(index)).sort() }).toEqual({ index, columns: ['id', 'locale', 'published_at'] });
    }
  });

  it('keeps them, and adds nothing twice, when the app boots again on the same database', async () => {
    app = await restartTestApp(app);
    for (const table of Object.keys(EXPECTED)) {
      const names = (await indexesOf(table)).map((index) => index.name);
      for (const index of EXPECTED[table]) expect(names.filter((name) => name === index.name)).toHaveLength(1);
    }
  });
});
