import { startAppNode, type AppNode } from '../helpers/app-node';
import { startPortalReceiver, type PortalReceiver } from '../helpers/fakes/portal-receiver';
import { createPolicy, deliveriesOf, eventually, PORTAL_SECRET, portalEnv, publishingEnv, publishPolicy, updatePolicyDraft } from '../helpers/publishing';
import { startTestApp, type TestApp } from '../helpers/strapi';

const onPostgres = process.env.DATABASE_CLIENT === 'postgres';
// SQLite has a single writer and no row locks: several nodes on one database is a Postgres deployment.
const describeOnPostgres = onPostgres ? describe : describe.skip;
if (!onPostgres) {
  // eslint-disable-next-line no-console
  console.info('publishing-two-nodes: skipped on SQLite (several nodes share work only on PostgreSQL)');
}

const POLICIES = 15;

describeOnPostgres('two app nodes on one PostgreSQL database', () => {
  let app: TestApp;
  let receiver: PortalReceiver;
  let other: AppNode;

  beforeAll(async () => {
    receiver = await startPortalReceiver(PORTAL_SECRET);
    // Slow answers keep both nodes busy at once, so they really compete for the same rows.
    receiver.respondWith(() => ({ status: 200, delayMs: 40 }));
    const env = publishingEnv({ ...portalEnv(receiver.url), PUBLISHING_POLL_INTERVAL_MS: '20', PUBLISHING_CONCURRENCY: '2' });
    app = await startTestApp('publishing_two_nodes', env);
    other = startAppNode(env);
    await other.line('READY');
  });

  afterAll(async () => {
    await other?.stop();
    await app?.stop();
    await receiver?.close();
  });

  it('delivers each delivery exactly once between them', async () => {
    const documents: string[] = [];
    for (let index = 0; index < POLICIES; index += 1) {
      const documentId = await createPolicy(app.strapi, { title: `Chính sách số ${index + 1} phát hành đồng thời` });
      await publishPolicy(app.strapi, documentId);
      documents.push(documentId);
    }
    for (const documentId of documents.slice(0, 5)) {
      await updatePolicyDraft(app.strapi, documentId, { summary: 'Bản cập nhật.' });
      await publishPolicy(app.strapi, documentId);
    }
    const expected = POLICIES + 5;

    const rows = await eventually(
      'every delivery delivered',
      async () => {
        const all = await deliveriesOf(app.strapi);
        return all.length === expected && all.every((row) => row.status === 'delivered') ? all : null;
      },
      { timeoutMs: 60_000 },
    );

    const ids = receiver.received.map((webhook) => webhook.id);
    expect(ids).toHaveLength(expected);
    expect(new Set(ids).size).toBe(expected);
    expect(new Set(ids)).toEqual(new Set(rows.map((row) => row.idempotencyKey)));
    expect(rows.every((row) => row.attempts === 1)).toBe(true);
    // Both nodes took part (the worker id names the process that claimed the delivery).
    const workers = new Set(rows.map((row) => row.workerId?.split(':')[1]));
    expect(workers.size).toBe(2);
    // Per document, the update still arrived after the publish.
    for (const documentId of documents.slice(0, 5)) {
      const types = receiver.received.filter((webhook) => webhook.json.data.documentId === documentId).map((webhook) => webhook.json.type);
      expect(types).toEqual(['policy.published', 'policy.updated']);
    }
  });
});
