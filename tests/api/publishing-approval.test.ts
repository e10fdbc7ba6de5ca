import { runTrusted } from '../../src/lib/trusted';
import { asAdmin, loginAdmin, SUPER_ADMIN, SUPER_ADMIN_ENV } from '../helpers/admin';
import { startPortalReceiver, type PortalReceiver } from '../helpers/fakes/portal-receiver';
import { createPolicy, deliveriesOf, eventsOf, eventually, POLICY, PORTAL_SECRET, portalEnv, publishingEnv, publishPolicy, unpublishPolicy } from '../helpers/publishing';
import { startTestApp, type TestApp } from '../helpers/strapi';

// The two plugins never import each other: they meet in the document service. With the approval
// workflow on, only what it lets through is published, and only that is distributed.
describe('distribution with the approval workflow on', () => {
  let app: TestApp;
  let receiver: PortalReceiver;

  beforeAll(async () => {
    receiver = await startPortalReceiver(PORTAL_SECRET);
    app = await startTestApp('publishing_approval', { ...SUPER_ADMIN_ENV, ...publishingEnv({ ...portalEnv(receiver.url), APPROVAL_WORKFLOW_ENABLED: 'true' }) });
  });

  afterAll(async () => {
    await app?.stop();
    await receiver?.close();
  });

  it('a publish the workflow refuses records no event and sends nothing, on every path', async () => {
    const documentId = await createPolicy(app.strapi, { title: 'Chính sách chưa được duyệt' });
    await expect(publishPolicy(app.strapi, documentId)).rejects.toThrow();

    const admin = asAdmin(app.strapi, await loginAdmin(app.strapi, SUPER_ADMIN.email, SUPER_ADMIN.password));
    const response = await admin.post(`/content-manager/collection-types/${POLICY}/${documentId}/actions/publish?locale=vi`).send({});
    expect(response.status).toBe(409);

    await app.strapi.plugin('multichannel-publishing').service('dispatcher').sweepNow();
    expect(await eventsOf(app.strapi, { targetDocumentId: documentId })).toEqual([]);
    expect(await deliveriesOf(app.strapi, { targetDocumentId: documentId })).toEqual([]);
    expect(receiver.received).toHaveLength(0);
  });

  it('a publish the workflow lets through is distributed, and so is the unpublish', async () => {
    const documentId = await createPolicy(app.strapi, { title: 'Chính sách đã được phép xuất bản' });
    await runTrusted(app.strapi, 'Test fixture', () => publishPolicy(app.strapi, documentId));
    await unpublishPolicy(app.strapi, documentId);

    const rows = await eventually('both deliveries delivered', async () => {
      const all = await deliveriesOf(app.strapi, { targetDocumentId: documentId });
      return all.length === 2 && all.every((row) => row.status === 'delivered') ? all : null;
    });
    expect(rows).toHaveLength(2);
    expect(receiver.received.map((webhook) => webhook.json.type)).toEqual(['policy.published', 'policy.unpublished']);
  });
});
