import { asAdmin, createAdminUser, loginAdmin, SUPER_ADMIN, SUPER_ADMIN_ENV } from '../helpers/admin';
import { COORDINATOR_ROLE, createAgency, createMember, SCOPED_ENV } from '../helpers/agencies';
import { consultationDraftData, createDocument, policyData } from '../helpers/content';
import { startPortalReceiver, type PortalReceiver } from '../helpers/fakes/portal-receiver';
import { CONSULTATION_DRAFT, deliveriesOf, eventually, PORTAL_SECRET, portalEnv, POLICY, publishingEnv } from '../helpers/publishing';
import { startTestApp, type TestApp } from '../helpers/strapi';

/**
 * Agency access on the Distribution page: the deliveries list (and the per-document panel, the same
 * route filtered by documentId) and the retry show and touch only deliveries of documents the caller
 * may read — a policy by its lead agency, a consultation draft by its policy's lead agency.
 */

const BASE = '/multichannel-publishing';
const EDITOR_ROLE = 'approval-workflow-editor';
const FAILING = 'bị cổng từ chối';

type Client = ReturnType<typeof asAdmin>;
type Listed = { id: number; status: string; event: { documentId: string; uid: string } };

let app: TestApp;
let receiver: PortalReceiver;
let editorA: Client;
let editorB: Client;
let coordinator: Client;
let superAdmin: Client;
const doc: Record<string, string> = {};

const settle = (documentId: string, status: string) =>
  eventually(`a ${status} delivery of ${documentId}`, async () => (await deliveriesOf(app.strapi, { targetDocumentId: documentId })).find((row) => row.status === status));

const listed = async (client: Client, query = '') => {
  const response = await client.get(`${BASE}/deliveries${query}`);
  expect(response.status).toBe(200);
  return { ids: (response.body.data as Listed[]).map((row) => row.event.documentId), pagination: response.body.meta.pagination, data: response.body.data as Listed[] };
};

beforeAll(async () => {
  receiver = await startPortalReceiver(PORTAL_SECRET);
  receiver.respondWith((webhook) => (String(webhook.json?.data?.entry?.title ?? '').includes(FAILING) ? { status: 410 } : { status: 200 }));
  app = await startTestApp('agency-access-distribution', {
    ...SUPER_ADMIN_ENV,
    ...SCOPED_ENV,
    // The editorial roles come with the approval workflow; fixtures are published as trusted content.
    ...publishingEnv({ ...portalEnv(receiver.url), APPROVAL_WORKFLOW_ENABLED: 'true' }),
  });
  const { strapi } = app;
  const superToken = await loginAdmin(strapi, SUPER_ADMIN.email, SUPER_ADMIN.password);
  superAdmin = asAdmin(strapi, superToken);
  const agencyA = await createAgency(strapi, 'MP-A');
  const agencyB = await createAgency(strapi, 'MP-B');
  editorA = asAdmin(strapi, (await createMember(strapi, superToken, { email: 'editor.a@mp.test.gov.vn', roleCodes: [EDITOR_ROLE], agencies: [agencyA] })).token);
  editorB = asAdmin(strapi, (await createMember(strapi, superToken, { email: 'editor.b@mp.test.gov.vn', roleCodes: [EDITOR_ROLE], agencies: [agencyB] })).token);
  coordinator = asAdmin(strapi, (await createAdminUser(strapi, { email: 'coordinator@mp.test.gov.vn', roleCodes: [COORDINATOR_ROLE] })).token);

  // Published in this order (the list shows the newest event first).
  const publish = async (key: string, uid: string, data: Record<string, unknown>, status: 'delivered' | 'dead') => {
    doc[key] = (await createDocument(strapi, uid, data, { publish: true })).documentId;
    await settle(doc[key], status);
  };
  await publish('policyA', POLICY, policyData({ title: 'Chính sách của đơn vị A', leadAgency: agencyA }), 'delivered');
  await publish('policyB', POLICY, policyData({ title: `Chính sách của đơn vị B ${FAILING}`, leadAgency: agencyB }), 'dead');
  await publish('policyNone', POLICY, policyData({ title: 'Chính sách chưa có cơ quan chủ trì' }), 'delivered');
  await publish('draftB', CONSULTATION_DRAFT, consultationDraftData(doc.policyB, { title: 'Dự thảo của đơn vị B' }), 'delivered');
  await publish('policyA2', POLICY, policyData({ title: `Chính sách thứ hai của đơn vị A ${FAILING}`, leadAgency: agencyA }), 'dead');
});

afterAll(async () => {
  await app?.stop();
  await receiver?.close();
});

describe('the deliveries list', () => {
  it("shows an agency's editor only the deliveries of their agency's documents, totals counted after the scope", async () => {
    const a = await listed(editorA);
    expect(a.ids).toEqual([doc.policyA2, doc.policyA]);
    expect(a.pagination).toEqual({ page: 1, pageSize: 20, pageCount: 1, total: 2 });
    const b = await listed(editorB);
    // The consultation draft belongs to the agency leading its policy.
    expect(b.ids).toEqual([doc.draftB, doc.policyB]);
    expect(b.data[0].event.uid).toBe(CONSULTATION_DRAFT);
    expect(b.pagination.total).toBe(2);
  });

  it('pages within the scope', async () => {
    const second = await listed(editorA, '?page=2&pageSize=1');
    expect(second.ids).toEqual([doc.policyA]);
    expect(second.pagination).toEqual({ page: 2, pageSize: 1, pageCount: 2, total: 2 });
  });

  it("gives an empty document panel for another agency's document", async () => {
    const other = await listed(editorA, `?documentId=${doc.policyB}`);
    expect(other.ids).toEqual([]);
    expect(other.pagination.total).toBe(0);
    const dead = await listed(editorA, '?status=dead');
    expect(dead.ids).toEqual([doc.policyA2]);
    const own = await listed(editorB, `?documentId=${doc.draftB}`);
    expect(own.ids).toEqual([doc.draftB]);
  });

  it('shows the coordinator and the super admin every delivery, the document without a lead agency included', async () => {
    const everything = [doc.policyA2, doc.draftB, doc.policyNone, doc.policyB, doc.policyA];
    for (const client of [coordinator, superAdmin]) {
      const all = await listed(client);
      expect(all.ids).toEqual(everything);
      expect(all.pagination.total).toBe(5);
    }
  });

  it('still refuses a bad query with a 400 naming the parameter', async () => {
    const response = await editorA.get(`${BASE}/deliveries?pageSize=abc`);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('pageSize');
  });
});

describe('retrying a delivery', () => {
  it("refuses another agency's delivery with a 403 saying why, and leaves it dead", async () => {
    const [dead] = await deliveriesOf(app.strapi, { targetDocumentId: doc.policyB });
    const response = await editorA.post(`${BASE}/deliveries/${dead.id}/retry`);
    expect(response.status).toBe(403);
    expect(response.body.error.message).toMatch(/document your role may not read/);
    const [after] = await deliveriesOf(app.strapi, { id: dead.id });
    expect(after).toMatchObject({ status: 'dead', attempts: dead.attempts });
    expect((await editorA.post(`${BASE}/deliveries/999999/retry`)).status).toBe(404);
  });

  it("replays the editor's own agency's dead delivery", async () => {
    receiver.respondWith(() => ({ status: 200 }));
    const [dead] = await deliveriesOf(app.strapi, { targetDocumentId: doc.policyA2 });
    const response = await editorA.post(`${BASE}/deliveries/${dead.id}/retry`);
    expect(response.status).toBe(200);
    expect(response.body.data.id).toBe(dead.id);
    await settle(doc.policyA2, 'delivered');
  });

  it('lets the coordinator replay any agency’s delivery', async () => {
    const [dead] = await deliveriesOf(app.strapi, { targetDocumentId: doc.policyB });
    const response = await coordinator.post(`${BASE}/deliveries/${dead.id}/retry`);
    expect(response.status).toBe(200);
    await settle(doc.policyB, 'delivered');
  });
});
