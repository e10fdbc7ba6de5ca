import { Client } from 'pg';
import { createPolicy, eventsOf, eventually, publishingEnv, publishPolicy, unpublishPolicy, updatePolicyDraft } from '../helpers/publishing';
import { startTestApp, type TestApp } from '../helpers/strapi';

const onPostgres = process.env.DATABASE_CLIENT === 'postgres';
// SQLite has one writer at a time: commits cannot interleave, so there is nothing to race.
const describeOnPostgres = onPostgres ? describe : describe.skip;
if (!onPostgres) {
  // eslint-disable-next-line no-console
  console.info('changes-concurrent: skipped on SQLite (one writer: sequence order is commit order trivially)');
}

type Entry = { cursor: string; type: string; documentId: string };
type Page = { data: Entry[]; meta: { nextCursor: string; hasMore: boolean } };

const DOCUMENTS = 36;
/** Each of these publishes keeps its transaction open after taking its sequence until the poller has polled twice. */
const HELD = new Set([3, 9, 15, 21, 27, 33]);
/** Re-published after an edit (published → updated), and withdrawn after publishing (published → unpublished). */
const UPDATED = new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
const WITHDRAWN = new Set([10, 11, 12, 13, 14, 15]);

/** The sequence behind a cursor: this test checks the feed's internals, clients never decode it. */
const sequenceOf = (cursor: string): number => (JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { s: number }).s;

/**
 * The guarantee of `GET /api/changes` under concurrency (README: "Change feed"): many publishes
 * commit at once, some holding their transaction open after their event got its sequence, while a
 * client follows nextCursor. Every page must continue exactly where the last one ended (no sequence
 * handed out while a smaller one is still uncommitted), and in the end the client has seen every
 * event exactly once, in sequence order, which per document is the order its writes committed in.
 */
describeOnPostgres('the change feed under concurrent publishes (PostgreSQL)', () => {
  let app: TestApp;
  let observer: Client;

  beforeAll(async () => {
    // Enough connections for every publish at once plus the poller's reads.
    app = await startTestApp('changes_concurrent', { ...publishingEnv(), DATABASE_POOL_MAX: '50' });
    // A connection of its own (not the app's pool) to watch the app's transactions wait on locks.
    const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
    url.pathname = `/${app.database.name}`;
    observer = new Client({ connectionString: url.toString() });
    await observer.connect();
  });

  afterAll(async () => {
    await observer?.end();
    await app?.stop();
  });

  it('hands every change to a client following nextCursor exactly once, in commit order', async () => {
    const documents: string[] = [];
    for (let index = 0; index < DOCUMENTS; index += 1) documents.push(await createPolicy(app.strapi, { title: `Chính sách đồng thời số ${index + 1}` }));

    const seen: Entry[] = [];
    let polls = 0;
    let last = 0;
    let writing = true;
    let pollerStopped = false;
    const poller = (async () => {
      let cursor: string | undefined;
      for (;;) {
        const wasWriting = writing;
        const response = await app.http().get(`/api/changes?limit=5${cursor ? `&since=${cursor}` : ''}`);
        expect(response.status).toBe(200);
        const page = response.body as Page;
        polls += 1;
        // Each page continues the committed prefix: the next sequence, never one beyond a gap.
        for (const entry of page.data) {
          expect(sequenceOf(entry.cursor)).toBe(last + 1);
          last += 1;
        }
        seen.push(...page.data);
        cursor = page.meta.nextCursor;
        if (!wasWriting && !page.meta.hasMore) return;
      }
    })().finally(() => {
      pollerStopped = true;
    });

    let lockWaitsSeen = 0;
    /** Holds the publishing transaction (which owns the sequence row lock) until the poller has polled twice meanwhile. */
    const holdOpen = async () => {
      const from = polls;
      await eventually('two polls while a publishing transaction is open', async () => {
        const { rows } = await observer.query<{ waiting: string }>(
          "select count(*) as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
        );
        lockWaitsSeen = Math.max(lockWaitsSeen, Number(rows[0].waiting));
        // A failed poller stops polling: let the writers finish so its own failure is reported.
        return polls >= from + 2 || pollerStopped;
      }, { intervalMs: 5 });
    };

    const publish = (index: number) =>
      HELD.has(index)
        ? app.strapi.db.transaction(async () => {
            await publishPolicy(app.strapi, documents[index]);
            await holdOpen();
          })
        : publishPolicy(app.strapi, documents[index]);

    /** Per document, the writes in the order they commit (each awaits the previous). */
    const expected = new Map<string, string[]>();
    await Promise.all(
      documents.map(async (documentId, index) => {
        await publish(index);
        expected.set(documentId, ['published']);
        if (UPDATED.has(index)) {
          await updatePolicyDraft(app.strapi, documentId, { summary: `Sửa đổi lần ${index}.` });
          await publishPolicy(app.strapi, documentId);
          expected.get(documentId)!.push('updated');
        }
        if (WITHDRAWN.has(index)) {
          await unpublishPolicy(app.strapi, documentId);
          expected.get(documentId)!.push('unpublished');
        }
      }),
    );
    writing = false;
    await poller;

    // Publishes really queued behind an open transaction while the poller read.
    expect(lockWaitsSeen).toBeGreaterThan(0);

    const events = await eventsOf(app.strapi);
    expect(events).toHaveLength(DOCUMENTS + UPDATED.size + WITHDRAWN.size);
    // Exactly once, in sequence order: the same list as the table read after everything settled.
    expect(seen.map((entry) => [sequenceOf(entry.cursor), entry.type, entry.documentId])).toEqual(
      events.map((event) => [event.sequence, event.type, event.targetDocumentId]),
    );
    expect(events.map((event) => event.sequence)).toEqual(events.map((_event, index) => index + 1));
    // Per document, what the client saw is the order the writes committed in.
    for (const documentId of documents) {
      expect(seen.filter((entry) => entry.documentId === documentId).map((entry) => entry.type)).toEqual(expected.get(documentId));
    }
  });
});
