import { execFile } from 'child_process';
import fs from 'fs/promises';
import os from 'os';
import path from 'path';
import { promisify } from 'util';
import { readBody, sendJson, startServer } from './http';

const run = promisify(execFile);

/** FPT.AI's documented limits of one request's text (https://docs.fpt.ai/docs/en/speech/api/text-to-speech). */
export const FPT_MAX_CHARS = 5000;
const FPT_MIN_CHARS = 3;
const FPT_VOICES = ['banmai', 'lannhi', 'leminh', 'myan', 'thuminh', 'giahuy', 'linhsan'];

export type FptRequest = {
  apiKey: string;
  voice: string;
  speed: string;
  format: string;
  text: string;
  status: number;
  /** Length of the audio this request produced (soxi), when it succeeded. */
  seconds?: number;
};

/**
 * FPT.AI Text to Speech v5 as its documentation describes it: `POST /hmi/tts/v5` with the `api_key`,
 * `voice`, `speed` and `format` headers and the text as the body (3 to 5,000 characters) answers
 * `{ error: 0, async: <link>, request_id, message }`; the link answers 404 until the file is "ready"
 * (`notReadyPolls` times), then the audio. The audio is real speech, made by espeak-ng (WAV, or Ogg
 * through sox when `format` is not wav), so the product's sox joins and measures real files.
 */
export const startFptTts = async (apiKey: string, { notReadyPolls = 1 }: { notReadyPolls?: number } = {}) => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'fake-fpt-tts-'));
  const requests: FptRequest[] = [];
  const files = new Map<string, { file: string; mime: string; polls: number }>();
  const downloads: string[] = [];
  let expectedKey = apiKey;
  let scripted: number[] = [];
  let sequence = 0;
  // espeak-ng's pitch (0–99, its default 50): another value is another voice, so other audio bytes.
  let pitch = 50;

  const speak = async (text: string, format: string) => {
    sequence += 1;
    const id = `tts-${sequence}`;
    const textFile = path.join(dir, `${id}.txt`);
    const wav = path.join(dir, `${id}.wav`);
    await fs.writeFile(textFile, text, 'utf8');
    await run('espeak-ng', ['-v', 'vi', '-s', '400', '-p', String(pitch), '-f', textFile, '-w', wav]);
    let file = wav;
    if (format !== 'wav') {
      file = path.join(dir, `${id}.ogg`);
      await run('sox', [wav, file]);
    }
    const { stdout } = await run('soxi', ['-D', file]);
    files.set(id, { file, mime: format === 'wav' ? 'audio/wav' : 'audio/ogg', polls: 0 });
    return { id, seconds: Number.parseFloat(stdout.trim()), extension: path.extname(file) };
  };

  const server = await startServer(async (request, response) => {
    const url = request.url ?? '';
    if (request.method === 'GET' && url.startsWith('/files/')) {
      const id = url.slice('/files/'.length).replace(/\.\w+$/, '');
      downloads.push(id);
      const entry = files.get(id);
      if (!entry) return sendJson(response, 404, { message: 'NoSuchKey' });
      entry.polls += 1;
      if (entry.polls <= notReadyPolls) return sendJson(response, 404, { message: 'NoSuchKey' });
      const bytes = await fs.readFile(entry.file);
      response.writeHead(200, { 'content-type': entry.mime, 'content-length': String(bytes.length) });
      response.end(bytes);
      return;
    }
    const text = await readBody(request);
    const header = (name: string) => String(request.headers[name] ?? '');
    const received: FptRequest = { apiKey: header('api_key'), voice: header('voice'), speed: header('speed'), format: header('format'), text, status: 0 };
    requests.push(received);
    const reply = (status: number, body: unknown) => {
      received.status = status;
      sendJson(response, status, body);
    };
    if (request.method !== 'POST' || url !== '/hmi/tts/v5') return reply(404, { message: 'not found' });
    if (received.apiKey !== expectedKey) return reply(401, { message: 'Invalid API key' });
    const forced = scripted.shift();
    if (forced !== undefined) return reply(forced, { message: 'Service temporarily unavailable' });
    if (received.voice && !FPT_VOICES.includes(received.voice)) return reply(200, { error: 1, message: `Voice ${received.voice} does not exist` });
    if (!/^[+-]?[0-3]$|^$/.test(received.speed)) return reply(200, { error: 1, message: 'speed must be between -3 and 3' });
    const length = [...text].length;
    if (length < FPT_MIN_CHARS || length > FPT_MAX_CHARS) {
      return reply(200, { error: 1, message: `text must have ${FPT_MIN_CHARS} to ${FPT_MAX_CHARS} characters, got ${length}` });
    }
    const { id, seconds, extension } = await speak(text, received.format || 'mp3');
    received.seconds = seconds;
    reply(200, {
      async: server.url(`/files/${id}${extension}`),
      error: 0,
      message: 'The content will be returned after a few seconds under the async link.',
      request_id: id,
    });
  });

  return {
    url: server.url('/hmi/tts/v5'),
    requests,
    downloads,
    /** The synthesis requests whose text contains `marker`, in arrival order. */
    requestsWith: (marker: string) => requests.filter((received) => received.text.includes(marker)),
    /** The next synthesis requests (with a valid key) answer these HTTP statuses, in order. */
    failNext(...statuses: number[]) {
      scripted = [...statuses];
    },
    /** The vendor speaks with another voice from now on (a new voice model): the same text gives other bytes. */
    changeVoice(nextPitch: number) {
      pitch = nextPitch;
    },
    /** The key the fake accepts from now on (the province's key was revoked, or a new one issued). */
    acceptKey(key: string) {
      expectedKey = key;
    },
    async close() {
      await server.close();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
};

export type FptTts = Awaited<ReturnType<typeof startFptTts>>;
