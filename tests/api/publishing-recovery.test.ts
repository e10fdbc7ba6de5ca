import type { Core } from '@strapi/strapi';
import { startAppNode, type AppNode } from '../helpers/app-node';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { applyTestEnv } from '../helpers/env';
import { startPortalReceiver, type PortalReceiver } from '../helpers/fakes/portal-receiver';
import { deliveriesOf, eventually, PORTAL_SECRET, portalEnv, publishingEnv } from '../helpers/publishing';
import { bootStrapi } from '../helpers/strapi';

describe('recovery after a node dies', () => {
  let database: TestDatabase;
  let receiver: PortalReceiver;
  let strapi: Core.Strapi | undefined;
  const nodes: AppNode[] = [];

  const env = (values: Record<string, string> = {}) =>
    publishingEnv({ ...portalEnv(receiver.url), PUBLISHING_LEASE_MS: '1500', PORTAL_WEBHOOK_TIMEOUT_MS: '60000', ...values });

  beforeAll(async () => {
    applyTestEnv();
    receiver = await startPortalReceiver(PORTAL_SECRET);
    database = await createTestDatabase('publishing_recovery');
  });

  afterAll(async () => {
    for (const node of nodes) await node.kill();
    await strapi?.destroy();
    await receiver?.close();
    await database?.drop();
  });

  it('delivers a publication whose node was killed after the publish committed, and again after a node died mid-delivery', async () => {
    // 1. A node publishes and is killed before it dispatches anything (its dispatcher is off).
    const publisher = startAppNode(env({ PUBLISHING_DISPATCHER_ENABLED: 'false', APP_NODE_PUBLISH_TITLE: 'Chính sách xuất bản trước sự cố' }));
    nodes.push(publisher);
    const documentId = await publisher.line('PUBLISHED ');
    await publisher.kill();
    expect(receiver.received).toHaveLength(0);

    // 2. The next node starts sending it; the portal hangs; that node is killed while the request is in flight.
    receiver.respondWith(() => 'hang');
    const sender = startAppNode(env());
    nodes.push(sender);
    await eventually('the request in flight', () => receiver.received.length >= 1, { timeoutMs: 90_000 });
    await sender.kill();

    // 3. A node starts once the portal is healthy: the lease of the dead node expires and the delivery is retried.
    receiver.respondWith(() => ({ status: 200 }));
    strapi = await bootStrapi(database, env());
    const delivery = await eventually('the delivery delivered', async () => {
      const [row] = await deliveriesOf(strapi as Core.Strapi, { targetDocumentId: documentId });
      return row?.status === 'delivered' ? row : null;
    });

    expect(delivery.attempts).toBe(2);
    expect(receiver.received.map((webhook) => webhook.json?.data?.documentId)).toEqual([documentId, documentId]);
    expect(receiver.received.map((webhook) => webhook.id)).toEqual([delivery.idempotencyKey, delivery.idempotencyKey]);
    expect(receiver.accepted()).toHaveLength(1);
    expect(receiver.received.every((webhook) => webhook.verified)).toBe(true);
  });
});
