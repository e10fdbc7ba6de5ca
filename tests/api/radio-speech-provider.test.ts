import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { createDocument, policyData, publishTrusted } from '../helpers/content';
import { FPT_MAX_CHARS, type FptTts } from '../helpers/fakes/fpt-ai-tts';
import { type SourceSystem } from '../helpers/fakes/source-system';
import { eventually } from '../helpers/publishing';
import { FPT_KEY, startSpeechApp, type SpeechApp } from '../helpers/radio-speech';
import { type TestApp } from '../helpers/strapi';

const SCRIPT = 'api::radio-script.radio-script';

type ScriptRow = {
  documentId: string;
  audioStatus: string;
  audioMessage: string | null;
  publishedAt: string | null;
  audio?: { id: number; url: string; mime: string; size: number } | null;
};

let app: TestApp;
let fpt: FptTts;
let source: SourceSystem;
let admin: SpeechApp['admin'];
let policyId: string;
let speech: SpeechApp;

beforeAll(async () => {
  speech = await startSpeechApp('radio_speech', { voice: 'leminh', maxAttempts: 3, policyTitle: 'Chính sách hỗ trợ nhà ở' });
  ({ app, fpt, source, admin, policyId } = speech);
});

afterAll(async () => {
  await speech.stop();
});

const publishScript = async (data: Record<string, unknown>) => {
  const { documentId } = await createDocument(app.strapi, SCRIPT, { policy: policyId, title: 'Bản tin', language: 'vi', ...data });
  await publishTrusted(app.strapi, SCRIPT, documentId);
  return documentId;
};

/** The script's rows (draft and published) once their audio has settled. */
const settledRows = (documentId: string) =>
  eventually(
    'the audio settled',
    async () => {
      const rows = (await app.strapi.db.query(SCRIPT).findMany({ where: { documentId }, populate: ['audio'] })) as ScriptRow[];
      return rows.length > 0 && rows.every((row) => ['ready', 'failed', 'no-voice'].includes(row.audioStatus)) ? rows : null;
    },
    { timeoutMs: 90_000 },
  );

const fileOf = (audio: { url: string }) => path.join(process.env.PUBLIC_DIR!, audio.url);
const secondsOf = (file: string) => Number(execFileSync('soxi', ['-D', file]).toString().trim());

const bulletinOf = (documentId: string) =>
  eventually('the bulletin', () => source.received.find((bulletin) => bulletin.metadata?.id === documentId && bulletin.status === 201), {
    timeoutMs: 60_000,
  });

describe('a commercial Vietnamese voice (FPT.AI) speaks the radio scripts', () => {
  it('sends the script with the key and voice, and its audio lands in the media library and reaches the source system', async () => {
    const text = 'Kính thưa toàn thể nhân dân. Giọng đọc mới của đài truyền thanh xã xin chào bà con.';
    const documentId = await publishScript({ script: text });
    const rows = await settledRows(documentId);
    expect(rows.map((row) => row.audioStatus)).toEqual(rows.map(() => 'ready'));

    const [request] = fpt.requestsWith('Giọng đọc mới');
    expect(fpt.requestsWith('Giọng đọc mới')).toHaveLength(1);
    expect(request).toEqual(expect.objectContaining({ apiKey: FPT_KEY, voice: 'leminh', speed: '0', format: 'wav', text, status: 200 }));

    const audio = rows[0].audio!;
    expect(audio.mime).toBe('audio/ogg');
    expect(rows.every((row) => row.audio?.id === audio.id)).toBe(true);
    const file = fileOf(audio);
    expect(fs.readFileSync(file).subarray(0, 4).toString('ascii')).toBe('OggS');
    // The stored audio is FPT.AI's speech (converted), not espeak-ng's own rendering of the script.
    expect(Math.abs(secondsOf(file) - request.seconds!)).toBeLessThan(0.2);

    const bulletin = await bulletinOf(documentId);
    expect(bulletin.audio?.type).toBe('audio/ogg');
    expect(bulletin.audio!.bytes.equals(fs.readFileSync(file))).toBe(true);
  });

  it('splits a long script at sentence ends within FPT.AI’s 5,000 characters and joins the parts with sox', async () => {
    const sentences = Array.from(
      { length: 140 },
      (_, index) => `Câu thông báo dài số ${['một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy'][index % 7]} của bản tin dài, bà con lưu ý thực hiện đúng hướng dẫn của xã.`,
    );
    const text = sentences.join(' ');
    expect(text.length).toBeGreaterThan(2 * FPT_MAX_CHARS);
    const documentId = await publishScript({ script: text, title: 'Bản tin dài' });
    const rows = await settledRows(documentId);
    expect(rows[0].audioStatus).toBe('ready');

    const parts = fpt.requestsWith('bản tin dài');
    expect(parts.length).toBe(3);
    for (const part of parts) {
      expect(part.status).toBe(200);
      expect([...part.text].length).toBeLessThanOrEqual(FPT_MAX_CHARS);
      expect(part.text.endsWith('của xã.')).toBe(true);
    }
    // Nothing lost, nothing repeated, in order.
    expect(parts.map((part) => part.text).join(' ')).toBe(text);

    const file = fileOf(rows[0].audio!);
    const sum = parts.reduce((total, part) => total + part.seconds!, 0);
    expect(Math.abs(secondsOf(file) - sum)).toBeLessThan(0.5);
    const bulletin = await bulletinOf(documentId);
    expect(bulletin.audio!.bytes.equals(fs.readFileSync(file))).toBe(true);
  });

  it('retries FPT.AI’s passing failures (503, 502) and then renders', async () => {
    fpt.failNext(503, 502);
    const documentId = await publishScript({ script: 'Kính thưa bà con. Bản tin thử lại sau sự cố máy chủ.' });
    const rows = await settledRows(documentId);
    expect(rows[0].audioStatus).toBe('ready');
    expect(fpt.requestsWith('thử lại sau sự cố').map((request) => request.status)).toEqual([503, 502, 200]);
  });

  it('gives up after SPEECH_MAX_ATTEMPTS passing failures with a clear failed status', async () => {
    fpt.failNext(503, 503, 503);
    const documentId = await publishScript({ script: 'Kính thưa bà con. Bản tin gặp sự cố kéo dài.' });
    const rows = await settledRows(documentId);
    expect(rows[0].audioStatus).toBe('failed');
    expect(fpt.requestsWith('sự cố kéo dài').map((request) => request.status)).toEqual([503, 503, 503]);
    expect(rows[0].audioMessage).toMatch(/^Đã thử 3 lần, vẫn lỗi: .*HTTP 503.* \/ Failed after 3 attempts: .*HTTP 503/);
  });

  it('fails at once, in Vietnamese and English, when FPT.AI refuses the key, and renders once the key is right', async () => {
    fpt.acceptKey('a-new-key-the-province-has-not-set');
    const documentId = await publishScript({ script: 'Kính thưa bà con. Bản tin với khóa bị thu hồi.' });
    const rows = await settledRows(documentId);
    expect(rows[0].audioStatus).toBe('failed');
    expect(fpt.requestsWith('khóa bị thu hồi').map((request) => request.status)).toEqual([401]);

    // What the editor sees in the radio panel.
    const view = await admin.get(`/radio/scripts/${documentId}/audio`);
    expect(view.status).toBe(200);
    expect(view.body.data.audioStatus).toBe('failed');
    expect(view.body.data.audioMessage).toBe(
      'FPT.AI từ chối khóa API (HTTP 401): kiểm tra SPEECH_API_KEY rồi tạo lại âm thanh / ' +
        'FPT.AI refused the API key (HTTP 401): check SPEECH_API_KEY, then render the audio again',
    );

    fpt.acceptKey(FPT_KEY);
    expect((await admin.post(`/radio/scripts/${documentId}/render-audio`).send({})).status).toBe(202);
    const again = await settledRows(documentId);
    expect(again[0].audioStatus).toBe('ready');
    expect(fpt.requestsWith('khóa bị thu hồi').map((request) => request.status)).toEqual([401, 200]);
  });

  it('leaves a language FPT.AI has no voice for as no-voice, without asking it', async () => {
    const documentId = await publishScript({ language: 'hmn', script: 'Nyob zoo txhua tus kwv tij' });
    const rows = await settledRows(documentId);
    expect(rows[0].audioStatus).toBe('no-voice');
    expect(fpt.requestsWith('Nyob zoo')).toHaveLength(0);
  });
});
