import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { asAdmin, createAdminUser, loginAdmin, SUPER_ADMIN, SUPER_ADMIN_ENV } from '../helpers/admin';
import { agencyData, createDocument, policyData, publishTrusted } from '../helpers/content';
import { afterRadioReacts, radioIdle } from '../helpers/radio';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { waitFor } from '../helpers/wait';

const POLICY = 'api::policy.policy';
const SCRIPT = 'api::radio-script.radio-script';
const CM = '/content-manager/collection-types';

type ScriptRow = {
  id: number;
  documentId: string;
  script: string;
  language: string;
  estimatedSeconds: number;
  audioStatus: string;
  audioMessage: string | null;
  publishedAt: string | null;
  audio?: { id: number; url: string; mime: string; size: number } | null;
};

let app: TestApp;
let admin: ReturnType<typeof asAdmin>;

beforeAll(async () => {
  app = await startTestApp('radio', { ...SUPER_ADMIN_ENV, RADIO_AUDIO_POLL_MS: '200' });
  admin = asAdmin(app.strapi, await loginAdmin(app.strapi, SUPER_ADMIN.email, SUPER_ADMIN.password));
});

afterAll(async () => {
  await app.stop();
});

const scriptsOf = async (policyDocumentId: string) =>
  (await app.strapi.db.query(SCRIPT).findMany({
    where: { policy: { documentId: policyDocumentId }, publishedAt: null },
  })) as ScriptRow[];

const publishedPolicy = async (overrides: Record<string, unknown> = {}) => {
  const agency = await createDocument(app.strapi, 'api::agency.agency', agencyData({ name: 'Sở Văn hóa, Thể thao và Du lịch' }));
  await app.strapi.documents('api::focal-point.focal-point').create({
    data: { fullName: 'Lê Quang Phong', position: 'Phó Giám đốc', role: 'focal-point', agency: agency.documentId, phone: '0912000111' },
  } as never);
  return createDocument(
    app.strapi,
    POLICY,
    policyData({
      title: 'Chính sách hỗ trợ du lịch cộng đồng',
      documentNumber: '12/2024/NQ-HĐND',
      summary: 'Hộ gia đình được hỗ trợ tới 50.000.000 đồng.',
      stage: 'implementing',
      issuer: 'provincial-people-council',
      effectiveFrom: '2024-08-01',
      leadAgency: agency.documentId,
      ...overrides,
    }),
    { publish: true },
  );
};

describe('generation on publish', () => {
  it('creates one Vietnamese script draft per policy version, spelled out for reading aloud', async () => {
    const policy = await publishedPolicy();
    const [script] = await waitFor(async () => {
      const rows = await scriptsOf(policy.documentId);
      return rows.length > 0 ? rows : null;
    }, { what: 'the generated script' });
    expect(script.language).toBe('vi');
    expect(script.publishedAt).toBeNull();
    expect(script.script.startsWith('Kính thưa toàn thể nhân dân!')).toBe(true);
    expect(script.script).toContain('năm mươi triệu đồng');
    expect(script.script).toContain('Phó Giám đốc Lê Quang Phong');
    expect(script.script).not.toContain('0912000111');
    expect(script.script).not.toMatch(/\d/);
    expect(script.estimatedSeconds).toBeGreaterThan(10);

    // Re-publishing the same content is the same version: no duplicate.
    await afterRadioReacts(app.strapi, { event: 'entry.publish', uid: POLICY, documentId: policy.documentId }, () =>
      publishTrusted(app.strapi, POLICY, policy.documentId),
    );
    expect(await scriptsOf(policy.documentId)).toHaveLength(1);

    // A changed policy is a new version to announce.
    await app.strapi.documents(POLICY).update({
      documentId: policy.documentId,
      locale: 'vi',
      data: { summary: 'Hộ gia đình được hỗ trợ tới 60.000.000 đồng.' },
    } as never);
    await publishTrusted(app.strapi, POLICY, policy.documentId);
    const scripts = await waitFor(async () => {
      const rows = await scriptsOf(policy.documentId);
      return rows.length === 2 ? rows : null;
    }, { what: 'a second script for the new version' });
    expect(scripts.map((row) => row.script).join(' ')).toContain('sáu mươi triệu đồng');
  });

  it('does not generate anything for a policy draft that is not published', async () => {
    let draft = { documentId: '' };
    await afterRadioReacts(app.strapi, { event: 'entry.create', uid: POLICY }, async () => {
      draft = await createDocument(app.strapi, POLICY, policyData());
    });
    expect(await scriptsOf(draft.documentId)).toHaveLength(0);
  });
});

describe('catch-up after a restart', () => {
  const background = () => app.strapi.service('api::radio-script.background') as unknown as { catchUp(): void; idle(): Promise<void> };
  const catchUp = async () => {
    background().catchUp();
    await radioIdle(app.strapi);
  };
  /** A published policy whose script is missing, as when the node died between the publish and its listener. */
  const withoutScript = async (publishedAt?: Date) => {
    let policy = { documentId: '' };
    await afterRadioReacts(app.strapi, { event: 'entry.publish', uid: POLICY }, async () => {
      policy = await publishedPolicy();
    });
    await app.strapi.db.query(SCRIPT).deleteMany({ where: { policy: { documentId: policy.documentId } } });
    if (publishedAt) await app.strapi.db.query(POLICY).updateMany({ where: { documentId: policy.documentId, publishedAt: { $notNull: true } }, data: { publishedAt } });
    return policy;
  };

  it('generates the scripts missed since the last catch-up, and only looks that far back', async () => {
    // The boot's catch-up has run (it left a watermark); an hour before it is outside its margin.
    await catchUp();
    const mark = (await app.strapi.store({ type: 'app', name: 'radio' }).get({ key: 'catch-up' })) as { startedAt: string };
    const recent = await withoutScript();
    const old = await withoutScript(new Date(new Date(mark.startedAt).getTime() - 60 * 60 * 1000));

    await catchUp();

    expect(await scriptsOf(recent.documentId)).toHaveLength(1);
    expect(await scriptsOf(old.documentId)).toHaveLength(0);
    const next = (await app.strapi.store({ type: 'app', name: 'radio' }).get({ key: 'catch-up' })) as { startedAt: string; policies: number };
    expect(new Date(next.startedAt).getTime()).toBeGreaterThan(new Date(mark.startedAt).getTime());
    // The policies published since the previous catch-up (and its margin) — not the whole catalogue.
    const published = await app.strapi.db.query(POLICY).count({ where: { locale: 'vi', publishedAt: { $notNull: true } } });
    expect(next.policies).toBeLessThan(published);
    expect(next.policies).toBeGreaterThanOrEqual(1);
  });

  it('looks at every published policy when there is no watermark yet (first boot of this version)', async () => {
    const old = await withoutScript(new Date('2020-01-01T00:00:00Z'));
    await app.strapi.store({ type: 'app', name: 'radio' }).delete({ key: 'catch-up' });

    await catchUp();

    expect(await scriptsOf(old.documentId)).toHaveLength(1);
  });
});

describe('editing a script', () => {
  it('recomputes estimatedSeconds from the text and pace on every save', async () => {
    const policy = await createDocument(app.strapi, POLICY, policyData(), { publish: true });
    const words = Array.from({ length: 160 }, () => 'dân').join(' ');
    const created = await admin.post(`${CM}/${SCRIPT}`).send({ policy: policy.documentId, title: 'Bản tin', language: 'vi', script: words });
    expect(created.status).toBe(201);
    expect(created.body.data.estimatedSeconds).toBe(60);
    const slower = await admin.put(`${CM}/${SCRIPT}/${created.body.data.documentId}`).send({ syllablesPerMinute: 120 });
    expect(slower.body.data.estimatedSeconds).toBe(80);
    const shorter = await admin.put(`${CM}/${SCRIPT}/${created.body.data.documentId}`).send({ script: 'Kính thưa bà con' });
    expect(shorter.body.data.estimatedSeconds).toBe(2);
    const forged = await admin.put(`${CM}/${SCRIPT}/${created.body.data.documentId}`).send({ estimatedSeconds: 999 });
    expect(forged.body.data.estimatedSeconds).toBe(2);
  });

  it('refuses a broadcast period that ends before it starts', async () => {
    const policy = await createDocument(app.strapi, POLICY, policyData(), { publish: true });
    const response = await admin.post(`${CM}/${SCRIPT}`).send({
      policy: policy.documentId,
      title: 'Bản tin',
      script: 'Kính thưa bà con',
      broadcastFrom: '2026-12-10',
      broadcastUntil: '2026-12-01',
    });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/broadcastUntil/);
  });
});

describe('audio', () => {
  it('renders a published Vietnamese script with espeak-ng into the media library', async () => {
    const policy = await createDocument(app.strapi, POLICY, policyData(), { publish: true });
    const script = await createDocument(app.strapi, SCRIPT, {
      policy: policy.documentId,
      title: 'Bản tin thử',
      language: 'vi',
      script: 'Kính thưa toàn thể nhân dân. Đây là bản tin thử nghiệm của đài truyền thanh xã.',
    }, { publish: true });
    const rows = await waitFor(async () => {
      const found = (await app.strapi.db.query(SCRIPT).findMany({ where: { documentId: script.documentId }, populate: ['audio'] })) as ScriptRow[];
      return found.every((row) => row.audioStatus === 'ready' || row.audioStatus === 'failed') ? found : null;
    }, { what: 'the audio', timeoutMs: 60_000 });
    expect(rows.map((row) => [row.audioStatus, row.audioMessage])).toEqual(rows.map(() => ['ready', expect.stringMatching(/^\d+ s$/)]));
    const audio = rows[0].audio!;
    expect(audio.mime).toBe('audio/ogg');
    expect(audio.size).toBeGreaterThan(0);
    expect(rows.every((row) => row.audio?.id === audio.id)).toBe(true);
    const file = path.join(process.env.PUBLIC_DIR!, audio.url);
    expect(fs.existsSync(file)).toBe(true);
    const seconds = Number(execFileSync('soxi', ['-D', file]).toString().trim());
    expect(seconds).toBeGreaterThan(1);

    const publicRead = await app.http().get(`/api/radio-scripts/${script.documentId}`).query({ populate: 'audio' });
    expect(publicRead.status).toBe(200);
    expect(publicRead.body.data.audio.mime).toBe('audio/ogg');
    expect(publicRead.body.data).not.toHaveProperty('sourceHash');
  });

  it('gives a language without a voice a clear no-voice status, and still publishes', async () => {
    const policy = await createDocument(app.strapi, POLICY, policyData(), { publish: true });
    const script = await createDocument(app.strapi, SCRIPT, {
      policy: policy.documentId,
      title: 'Bản tin tiếng Mông',
      language: 'hmn',
      script: 'Nyob zoo txhua tus',
    }, { publish: true });
    const row = await waitFor(async () => {
      const found = (await app.strapi.db.query(SCRIPT).findOne({ where: { documentId: script.documentId, publishedAt: { $notNull: true } } })) as ScriptRow;
      return found.audioStatus === 'no-voice' ? found : null;
    }, { what: 'the no-voice status' });
    expect(row.audioMessage).toMatch(/No synthetic voice for language "hmn"/);
    expect((await app.http().get(`/api/radio-scripts/${script.documentId}`)).status).toBe(200);
  });
});

describe('radio admin API', () => {
  it('lists a policy’s scripts and re-renders a script’s audio on demand', async () => {
    const policy = await createDocument(app.strapi, POLICY, policyData(), { publish: true });
    const script = await createDocument(app.strapi, SCRIPT, {
      policy: policy.documentId,
      title: 'Bản tin theo yêu cầu',
      language: 'vi',
      script: 'Kính thưa bà con, đây là bản tin thử.',
    });
    const listed = await admin.get(`/radio/policies/${policy.documentId}/scripts`);
    expect(listed.status).toBe(200);
    expect(listed.body.data).toEqual(
      expect.arrayContaining([expect.objectContaining({ documentId: script.documentId, language: 'vi', published: false, audioStatus: 'none' })]),
    );

    const queued = await admin.post(`/radio/scripts/${script.documentId}/render-audio`).send({});
    expect(queued.status).toBe(202);
    expect(queued.body.data.audioStatus).toBe('pending');
    const ready = await waitFor(async () => {
      const response = await admin.get(`/radio/scripts/${script.documentId}/audio`);
      return response.body.data.audioStatus === 'ready' ? response.body.data : null;
    }, { what: 'audio rendered on demand', timeoutMs: 60_000 });
    expect(ready.audio.mime).toBe('audio/ogg');
    expect(ready.audio.url).toMatch(/^\/uploads\/.+\.ogg$/);
  });

  it('answers 404 for an unknown script, 400 for a malformed id, and 401 without an admin session', async () => {
    expect((await admin.post('/radio/scripts/unknowndocument0000000000/render-audio').send({})).status).toBe(404);
    expect((await admin.get('/radio/scripts/NOT-VALID!/audio')).status).toBe(400);
    expect((await app.http().post('/radio/scripts/whatever/render-audio').send({})).status).toBe(401);
  });

  it('lets a reviewer read a script’s audio but not re-render it (no update permission)', async () => {
    const reviewer = await createAdminUser(app.strapi, { email: 'radio-reviewer@test.gov.vn', roleCodes: ['approval-workflow-reviewer'] });
    const policy = await createDocument(app.strapi, POLICY, policyData(), { publish: true });
    const script = await createDocument(app.strapi, SCRIPT, { policy: policy.documentId, title: 'Bản tin', script: 'Kính thưa bà con.' });
    const asReviewer = asAdmin(app.strapi, reviewer.token);
    expect((await asReviewer.get(`/radio/scripts/${script.documentId}/audio`)).status).toBe(200);
    const refused = await asReviewer.post(`/radio/scripts/${script.documentId}/render-audio`).send({});
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/radio script permission/);
  });
});
