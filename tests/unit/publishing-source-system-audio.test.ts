import http from 'http';
import type { AddressInfo } from 'net';
import os from 'os';
import path from 'path';
import { promises as fs } from 'fs';
import { audioReference, downloadAudio, type AudioReference } from '../../src/plugins/multichannel-publishing/server/src/channels/source-system/audio';
import { sourceSystemChannel } from '../../src/plugins/multichannel-publishing/server/src/channels/source-system';
import { bulletinMetadata } from '../../src/plugins/multichannel-publishing/server/src/channels/source-system/mapping';
import { ChannelError, type DeliveryContext } from '../../src/plugins/multichannel-publishing/server/src/channels/types';

type Received = { method: string; url: string; body: Buffer };

const MP3 = Buffer.from('ID3-fake-mp3-bytes');
const TIMEOUT_MS = 300;

/** One local server playing both parts: the upload host serving audio, and the source system receiving bulletins. */
const startServer = async () => {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = req.url ?? '';
      if (url === '/audio/ok.mp3') {
        res.writeHead(200, { 'content-type': 'audio/mpeg' }).end(MP3);
      } else if (url === '/audio/missing.mp3') {
        res.writeHead(404).end('not here');
      } else if (url === '/audio/broken.mp3') {
        res.writeHead(503).end('try later');
      } else if (url === '/audio/hanging.mp3') {
        // Never answers: only the download's timeout ends the wait.
      } else {
        received.push({ method: req.method ?? '', url, body: Buffer.concat(chunks) });
        res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: 'bulletin-1' }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { base, received, close };
};

let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.received.length = 0;
});

const remote = (file: string): AudioReference => audioReference({ url: `${server.base}/audio/${file}`, mime: 'audio/mpeg', name: file }, '/unused');

const download = (reference: AudioReference, signal: AbortSignal = new AbortController().signal) =>
  downloadAudio(reference, { timeoutMs: TIMEOUT_MS, signal });

const failureOf = async (promise: Promise<unknown>): Promise<ChannelError> => {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ChannelError);
    return error as ChannelError;
  }
  throw new Error('expected the promise to fail');
};

describe('source-system audio download', () => {
  it('reads an absolute URL as remote and a relative one as a file under the public folder', () => {
    expect(audioReference({ url: 'https://cdn.example/a.mp3', mime: 'audio/mpeg', name: 'a.mp3' }, '/srv/public').source).toEqual({
      kind: 'url',
      url: 'https://cdn.example/a.mp3',
    });
    expect(audioReference({ url: '/uploads/a.mp3', mime: 'audio/mpeg', name: 'a.mp3' }, '/srv/public').source).toEqual({
      kind: 'file',
      path: path.join('/srv/public', '/uploads/a.mp3'),
    });
  });

  it('downloads the bytes of a 200 answer', async () => {
    const file = await download(remote('ok.mp3'));
    expect(file).toEqual({ name: 'ok.mp3', mime: 'audio/mpeg', bytes: MP3 });
  });

  it('fails permanently with the status when the audio is not found (404)', async () => {
    const error = await failureOf(download(remote('missing.mp3')));
    expect(error.message).toBe('audio download failed: HTTP 404');
    expect(error.retryable).toBe(false);
    expect(error.statusCode).toBe(404);
  });

  it('fails for a retry when the upload host is unavailable (503)', async () => {
    const error = await failureOf(download(remote('broken.mp3')));
    expect(error.message).toBe('audio download failed: HTTP 503');
    expect(error.retryable).toBe(true);
  });

  it('gives up on a host that never answers after the timeout, for a retry', async () => {
    const started = Date.now();
    const error = await failureOf(download(remote('hanging.mp3')));
    expect(error.message).toBe('audio download failed: timed out');
    expect(error.retryable).toBe(true);
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS * 10);
  });

  it('stops at once when the app shuts down', async () => {
    const shutdown = new AbortController();
    const pending = download(remote('hanging.mp3'), shutdown.signal);
    shutdown.abort();
    const error = await failureOf(pending);
    expect(error.message).toBe('audio download failed: aborted');
  });

  it('reads a local upload, and fails for a retry when the file is gone', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'audio-'));
    try {
      await fs.mkdir(path.join(dir, 'uploads'));
      await fs.writeFile(path.join(dir, 'uploads', 'a.mp3'), MP3);
      const found = await download(audioReference({ url: '/uploads/a.mp3', mime: 'audio/mpeg', name: 'a.mp3' }, dir));
      expect(found.bytes).toEqual(MP3);
      const error = await failureOf(download(audioReference({ url: '/uploads/gone.mp3', mime: 'audio/mpeg', name: 'gone.mp3' }, dir)));
      expect(error.message).toBe('audio download failed: cannot read gone.mp3 (ENOENT)');
      expect(error.retryable).toBe(true);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe('source-system channel send', () => {
  const adapter = () =>
    sourceSystemChannel.create({
      // `send` reads neither Strapi nor the channel state: only `render` looks the audio up.
      strapi: {} as never,
      config: { url: server.base, token: 'secret-token', timeoutMs: TIMEOUT_MS },
      publicUrl: null,
      state: {} as never,
    });

  const context = (): DeliveryContext => ({
    deliveryId: 1,
    idempotencyKey: 'source-system:evt1',
    attempt: 1,
    previousExternalId: null,
    checkpoint: null,
    saveCheckpoint: async () => undefined,
    signal: new AbortController().signal,
    log: console as unknown as DeliveryContext['log'],
  });

  const bulletin = (audio: AudioReference | null) => ({
    kind: 'publish' as const,
    metadata: bulletinMetadata('doc000000000000000000001', { title: 'Bản tin chính sách', language: 'vi' }),
    audio,
  });

  it('posts the bulletin with the downloaded audio', async () => {
    const result = await adapter().send(bulletin(remote('ok.mp3')), context());
    expect(result).toEqual({ outcome: 'delivered', statusCode: 201, externalId: 'bulletin-1' });
    expect(server.received).toHaveLength(1);
    expect(server.received[0]).toMatchObject({ method: 'POST', url: '/bulletins' });
    expect(server.received[0].body.includes(MP3)).toBe(true);
  });

  it.each([
    ['missing.mp3', 'audio download failed: HTTP 404'],
    ['hanging.mp3', 'audio download failed: timed out'],
  ])('fails the delivery without posting anything when the audio download fails (%s)', async (file, message) => {
    const error = await failureOf(adapter().send(bulletin(remote(file)), context()));
    expect(error.message).toBe(message);
    expect(server.received).toHaveLength(0);
  });
});
