import fs from 'fs';
import path from 'path';
import { createDocument, policyData, publishTrusted } from '../helpers/content';
import { type FptTts } from '../helpers/fakes/fpt-ai-tts';
import { type SourceSystem } from '../helpers/fakes/source-system';
import { deliveriesOf, eventsOf, eventually } from '../helpers/publishing';
import { startSpeechApp, type SpeechApp } from '../helpers/radio-speech';
import { type TestApp } from '../helpers/strapi';

const SCRIPT = 'api::radio-script.radio-script';
const TERMINAL = ['delivered', 'dead', 'skipped'];

type ScriptRow = { documentId: string; audioStatus: string; publishedAt: string | null; audio?: { id: number; url: string } | null };
type DeliveryView = { channel: string; status: string; lastError: string | null; event: { type: string; sequence: number } };

let app: TestApp;
let fpt: FptTts;
let source: SourceSystem;
let admin: SpeechApp['admin'];
let policyId: string;
let speech: SpeechApp;

beforeAll(async () => {
  speech = await startSpeechApp('radio_audio_resend', { voice: 'banmai', maxAttempts: 2, policyTitle: 'Chính sách hỗ trợ giống cây trồng' });
  ({ app, fpt, source, admin, policyId } = speech);
});

afterAll(async () => {
  await speech.stop();
});

const publishScript = async (script: string) => {
  const { documentId } = await createDocument(app.strapi, SCRIPT, { policy: policyId, title: 'Bản tin', language: 'vi', script });
  await publishTrusted(app.strapi, SCRIPT, documentId);
  return documentId;
};

/** The published row once its audio (draft and published rows alike) has settled. */
const settled = (documentId: string) =>
  eventually(
    'the audio settled',
    async () => {
      const rows = (await app.strapi.db.query(SCRIPT).findMany({ where: { documentId }, populate: ['audio'] })) as ScriptRow[];
      const done = rows.length > 0 && rows.every((row) => ['ready', 'failed', 'no-voice'].includes(row.audioStatus));
      return done ? (rows.find((row) => row.publishedAt) ?? null) : null;
    },
    { timeoutMs: 90_000 },
  );

/** The editor presses "Render audio" in the radio panel, and the audio settles. */
const renderAgain = async (documentId: string) => {
  const response = await admin.post(`/radio/scripts/${documentId}/render-audio`).send({});
  expect(response.status).toBe(202);
  return settled(documentId);
};

const bytesOf = (row: ScriptRow) => fs.readFileSync(path.join(process.env.PUBLIC_DIR!, row.audio!.url));
const postsOf = (documentId: string) => source.received.filter((bulletin) => bulletin.method === 'POST' && bulletin.metadata?.id === documentId);

/** What the deliveries panel and the Distribution page show for the script on the source system, newest first. */
const distribution = async (documentId: string): Promise<DeliveryView[]> => {
  const response = await admin.get(`/multichannel-publishing/deliveries?documentId=${documentId}&channel=source-system`);
  expect(response.status).toBe(200);
  return response.body.data as DeliveryView[];
};

/** Waits until every source-system delivery of the script is finished, and returns them (newest first). */
const finished = (documentId: string, count: number) =>
  eventually('the source-system deliveries finished', async () => {
    const rows = await distribution(documentId);
    return rows.length === count && rows.every((row) => TERMINAL.includes(row.status)) ? rows : null;
  }, { timeoutMs: 60_000 });

describe('a published bulletin gets its audio on the source system once the audio is ready', () => {
  let documentId: string;

  it('sends the bulletin without audio, marked so, while the speech provider is down, and sends the audio once it renders', async () => {
    fpt.failNext(503, 503);
    documentId = await publishScript('Kính thưa bà con. Bản tin phát khi máy chủ giọng đọc gặp sự cố.');
    expect((await settled(documentId)).audioStatus).toBe('failed');

    const [first] = await finished(documentId, 1);
    expect(first).toEqual(expect.objectContaining({ status: 'delivered', event: expect.objectContaining({ type: 'published' }) }));
    expect(first.lastError).toMatch(/^Đã gửi bản tin không kèm âm thanh \(tạo âm thanh lỗi: .*HTTP 503.*\/ Sent without audio \(rendering failed: /);
    expect(postsOf(documentId)).toHaveLength(1);
    expect(postsOf(documentId)[0]).toEqual(expect.objectContaining({ status: 201, audio: null }));

    // The provider is back: the editor renders the audio again.
    const ready = await renderAgain(documentId);
    expect(ready.audioStatus).toBe('ready');
    const rows = await finished(documentId, 2);
    expect(rows[0]).toEqual(expect.objectContaining({ status: 'delivered', lastError: null, event: expect.objectContaining({ type: 'updated' }) }));
    const posts = postsOf(documentId);
    expect(posts).toHaveLength(2);
    expect(posts[1].status).toBe(201);
    expect(posts[1].audio?.type).toBe('audio/ogg');
    expect(posts[1].audio!.bytes.equals(bytesOf(ready))).toBe(true);
    expect(posts[1].metadata.title).toBe('Bản tin');
  });

  it('sends nothing when the audio is rendered again into the same bytes, and sends a new voice', async () => {
    const before = await settled(documentId);
    const events = (await eventsOf(app.strapi, { targetDocumentId: documentId })).length;

    const same = await renderAgain(documentId);
    expect(same.audioStatus).toBe('ready');
    expect(same.audio!.id).not.toBe(before.audio!.id);
    expect(bytesOf(same).equals(bytesOf(before))).toBe(true);
    // Whether to send is decided in the transaction that made the audio ready: nothing was queued.
    expect(await eventsOf(app.strapi, { targetDocumentId: documentId })).toHaveLength(events);
    expect(await deliveriesOf(app.strapi, { targetDocumentId: documentId, channel: 'source-system' })).toHaveLength(2);
    expect(postsOf(documentId)).toHaveLength(2);

    // The vendor's voice changed: the audio rendered now is other bytes, and reaches the source system.
    fpt.changeVoice(80);
    try {
      const voiced = await renderAgain(documentId);
      expect(voiced.audioStatus).toBe('ready');
      expect(bytesOf(voiced).equals(bytesOf(same))).toBe(false);
      const rows = await finished(documentId, 3);
      expect(rows[0]).toEqual(expect.objectContaining({ status: 'delivered', event: expect.objectContaining({ type: 'updated' }) }));
      const posts = postsOf(documentId);
      expect(posts).toHaveLength(3);
      expect(posts[2].audio!.bytes.equals(bytesOf(voiced))).toBe(true);
    } finally {
      fpt.changeVoice(50);
    }
  });

  it('sends a bulletin whose audio renders at publish once, with its audio', async () => {
    const id = await publishScript('Kính thưa bà con. Bản tin có âm thanh ngay khi phát hành.');
    const ready = await settled(id);
    expect(ready.audioStatus).toBe('ready');
    // The delivery of the publish was waiting for the audio: the audio becoming ready queued nothing more.
    expect(await deliveriesOf(app.strapi, { targetDocumentId: id, channel: 'source-system' })).toHaveLength(1);
    const [only] = await finished(id, 1);
    expect(only).toEqual(expect.objectContaining({ status: 'delivered', lastError: null }));
    expect(postsOf(id)).toHaveLength(1);
    expect(postsOf(id)[0].audio!.bytes.equals(bytesOf(ready))).toBe(true);
  });
});
