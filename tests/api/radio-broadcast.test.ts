import { asAdmin, SUPER_ADMIN_ENV } from '../helpers/admin';
import { createTeam, transition, type Team } from '../helpers/approval-workflow';
import { createDocument, policyData, publishTrusted } from '../helpers/content';
import { startSourceSystem, type SourceSystem } from '../helpers/fakes/source-system';
import { deliveriesOf, eventually, publishingEnv } from '../helpers/publishing';
import { startTestApp, type TestApp } from '../helpers/strapi';

const SCRIPT = 'api::radio-script.radio-script';
const POLICY = 'api::policy.policy';
const CM = '/content-manager/collection-types';
const TOKEN = 'source-system-test-token';

let app: TestApp;
let source: SourceSystem;
let team: Team;
let policyId: string;

beforeAll(async () => {
  source = await startSourceSystem(TOKEN);
  app = await startTestApp('radio_broadcast', {
    ...SUPER_ADMIN_ENV,
    ...publishingEnv({ APPROVAL_WORKFLOW_ENABLED: 'true', PUBLISHING_CONCURRENCY: '1' }),
    SOURCE_SYSTEM_URL: source.url,
    SOURCE_SYSTEM_TOKEN: TOKEN,
    RADIO_AUDIO_POLL_MS: '100',
  });
  team = await createTeam(app.strapi, 'radio');
  policyId = (await createDocument(app.strapi, POLICY, policyData({ title: 'Chính sách hỗ trợ nhà ở', documentNumber: '05/2025/NQ-HĐND' }))).documentId;
  await publishTrusted(app.strapi, POLICY, policyId);
});

afterAll(async () => {
  await app.stop();
  await source.close();
});

const bulletinsFor = (documentId: string) => source.received.filter((bulletin) => bulletin.metadata?.id === documentId);

/** A radio script draft written by an editor (through the admin API). */
const writeScript = async (data: Record<string, unknown>) => {
  const response = await asAdmin(app.strapi, team.editor.token)
    .post(`${CM}/${SCRIPT}`)
    .send({ policy: policyId, title: 'Bản tin hỗ trợ nhà ở', language: 'vi', script: 'Kính thưa toàn thể nhân dân. Hộ nghèo được hỗ trợ xây nhà.', ...data });
  expect(response.status).toBe(201);
  return response.body.data.documentId as string;
};

const publishTrustedScript = async (data: Record<string, unknown>) => {
  const { documentId } = await createDocument(app.strapi, SCRIPT, { policy: policyId, title: 'Bản tin', script: 'Kính thưa bà con.', ...data });
  await publishTrusted(app.strapi, SCRIPT, documentId);
  return documentId;
};

describe('a radio script reaches the source information system', () => {
  it('only after its approval, as multipart metadata plus the rendered audio', async () => {
    const documentId = await writeScript({ priority: 'priority', repeatCount: 3, broadcastFrom: '2026-12-01', broadcastUntil: '2026-12-07' });

    const refused = await asAdmin(app.strapi, team.leader.token).post(`${CM}/${SCRIPT}/${documentId}/actions/publish`).send({});
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/approval/i);

    expect((await transition(app.strapi, team.editor, SCRIPT, documentId, { action: 'submit' })).status).toBe(200);
    expect((await transition(app.strapi, team.reviewer, SCRIPT, documentId, { action: 'approve' })).status).toBe(200);
    const published = await asAdmin(app.strapi, team.leader.token).post(`${CM}/${SCRIPT}/${documentId}/actions/publish`).send({});
    expect(published.status).toBe(200);

    const [bulletin] = await eventually('the bulletin', () => {
      const found = bulletinsFor(documentId).filter((b) => b.status === 201);
      return found.length > 0 ? found : null;
    }, { timeoutMs: 60_000 });
    expect(bulletin.authorization).toBe(`Bearer ${TOKEN}`);
    expect(bulletin.metadata).toEqual({
      id: documentId,
      title: 'Bản tin hỗ trợ nhà ở',
      language: 'vi',
      priority: 'priority',
      broadcastFrom: '2026-12-01',
      broadcastUntil: '2026-12-07',
      repeatCount: 3,
      estimatedSeconds: expect.any(Number),
      policy: { documentId: policyId, title: 'Chính sách hỗ trợ nhà ở', documentNumber: '05/2025/NQ-HĐND' },
      script: 'Kính thưa toàn thể nhân dân. Hộ nghèo được hỗ trợ xây nhà.',
    });
    expect(bulletin.metadata.estimatedSeconds).toBeGreaterThan(0);
    expect(bulletin.audio?.type).toBe('audio/ogg');
    expect(bulletin.audio!.bytes.length).toBeGreaterThan(1000);
    expect(bulletin.audio!.bytes.subarray(0, 4).toString('ascii')).toBe('OggS');

    const [delivery] = await eventually('the delivery recorded', async () => {
      const rows = await deliveriesOf(app.strapi, { targetDocumentId: documentId, channel: 'source-system', status: 'delivered' });
      return rows.length > 0 ? rows : null;
    });
    expect(delivery.externalId).toBe(`BT-${documentId}`);
  });

  it('sends a script in a language without a voice without audio, for the announcer to read', async () => {
    const documentId = await publishTrustedScript({ language: 'hmn', script: 'Nyob zoo txhua tus' });
    const [bulletin] = await eventually('the bulletin', () => {
      const found = bulletinsFor(documentId).filter((b) => b.status === 201);
      return found.length > 0 ? found : null;
    });
    expect(bulletin.metadata.language).toBe('hmn');
    expect(bulletin.audio).toBeNull();
  });

  it('lets emergency bulletins jump the queue', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const blocker = await publishTrustedScript({ title: 'Bản tin chặn hàng đợi', language: 'hmn' });
    source.respondWith(async (bulletin) => {
      if (bulletin.metadata?.id === blocker) await gate;
      return { status: 201, body: { id: `BT-${bulletin.metadata?.id}` } };
    });
    await eventually('the first bulletin in flight', () => bulletinsFor(blocker).length > 0);
    const normal = await publishTrustedScript({ title: 'Bản tin thường', language: 'hmn', priority: 'normal' });
    const emergency = await publishTrustedScript({ title: 'Bản tin khẩn cấp', language: 'hmn', priority: 'emergency' });
    // Both are queued (audio settled: no voice) before the source system frees up.
    await eventually('both scripts ready to send', async () => {
      const rows = (await app.strapi.db.query(SCRIPT).findMany({
        where: { documentId: { $in: [normal, emergency] }, publishedAt: { $notNull: true } },
      })) as Array<{ audioStatus: string }>;
      return rows.length === 2 && rows.every((row) => row.audioStatus === 'no-voice');
    });
    release();
    await eventually('both bulletins', () => bulletinsFor(normal).length > 0 && bulletinsFor(emergency).length > 0);
    source.respondWith(null);
    const order = source.received.map((bulletin) => bulletin.metadata?.id).filter((id) => [blocker, normal, emergency].includes(id));
    expect(order.indexOf(emergency)).toBeLessThan(order.indexOf(normal));
  });

  it('retries while the source system fails, with the same idempotency key, then delivers once', async () => {
    let failures = 2;
    source.respondWith((bulletin) => {
      if (failures > 0) {
        failures -= 1;
        return { status: 503, body: { error: 'maintenance' } };
      }
      return { status: 201, body: { id: `BT-${bulletin.metadata?.id}` } };
    });
    const documentId = await publishTrustedScript({ language: 'hmn' });
    const [delivery] = await eventually('the delivery', async () => {
      const rows = await deliveriesOf(app.strapi, { targetDocumentId: documentId, channel: 'source-system', status: 'delivered' });
      return rows.length > 0 ? rows : null;
    });
    source.respondWith(null);
    const attempts = bulletinsFor(documentId);
    expect(attempts.map((bulletin) => bulletin.status)).toEqual([503, 503, 201]);
    expect(new Set(attempts.map((bulletin) => bulletin.idempotencyKey)).size).toBe(1);
    // An attempt made while the audio was still being decided counts too (it is retried like a failure).
    expect(delivery.attempts).toBeGreaterThanOrEqual(3);
  });

  it('withdraws an unpublished bulletin by the id the source system gave it', async () => {
    const documentId = await publishTrustedScript({ language: 'hmn' });
    await eventually('the bulletin', () => bulletinsFor(documentId).some((b) => b.status === 201));
    await app.strapi.documents(SCRIPT).unpublish({ documentId } as never);
    const withdrawal = await eventually('the withdrawal', () =>
      source.received.find((bulletin) => bulletin.method === 'DELETE' && bulletin.path === `/bulletins/BT-${documentId}`),
    );
    expect(withdrawal.status).toBe(204);
  });

  it('never sends policies or drafts to the source system', async () => {
    const rows = await deliveriesOf(app.strapi, { targetUid: POLICY, channel: 'source-system' });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.status === 'skipped')).toBe(true);
  });
});
