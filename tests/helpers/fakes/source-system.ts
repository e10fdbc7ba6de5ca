import type http from 'http';
import { sendJson, startServer } from './http';

export type ReceivedBulletin = {
  method: string;
  path: string;
  authorization: string;
  idempotencyKey: string;
  /** Parsed `metadata` part (JSON) of a POST. */
  metadata: any;
  /** The `audio` part of a POST, when present. */
  audio: { name: string; type: string; bytes: Buffer } | null;
  status: number;
};

type Reply = { status: number; body?: unknown; headers?: Record<string, string> };
type Responder = (bulletin: ReceivedBulletin) => Reply | Promise<Reply>;

const readRaw = (request: http.IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });

/**
 * The provincial source information system as our mapping describes it: `POST /bulletins`
 * (multipart `metadata` + `audio`, bearer token) answers `201 { id }`; `DELETE /bulletins/:id`
 * answers 204 or 404. The multipart body is parsed with the platform's own parser (undici), so a
 * malformed body fails the test. Every request is logged in arrival order.
 */
export const startSourceSystem = async (token: string) => {
  const received: ReceivedBulletin[] = [];
  const ids = new Set<string>();
  let responder: Responder | null = null;

  const server = await startServer(async (request, response) => {
    const raw = await readRaw(request);
    const bulletin: ReceivedBulletin = {
      method: request.method ?? '',
      path: request.url ?? '',
      authorization: String(request.headers.authorization ?? ''),
      idempotencyKey: String(request.headers['idempotency-key'] ?? ''),
      metadata: null,
      audio: null,
      status: 0,
    };
    received.push(bulletin);
    if (bulletin.authorization !== `Bearer ${token}`) {
      bulletin.status = 401;
      sendJson(response, 401, { error: 'invalid token' });
      return;
    }
    if (bulletin.method === 'POST' && bulletin.path === '/bulletins') {
      const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': String(request.headers['content-type']) } }).formData();
      const metadata = form.get('metadata');
      bulletin.metadata = metadata instanceof Blob ? JSON.parse(await metadata.text()) : JSON.parse(String(metadata));
      const audio = form.get('audio');
      if (audio instanceof File) {
        bulletin.audio = { name: audio.name, type: audio.type, bytes: Buffer.from(await audio.arrayBuffer()) };
      }
    }
    const reply = responder ? await responder(bulletin) : defaultReply(bulletin);
    bulletin.status = reply.status;
    if (reply.status === 201 && bulletin.metadata) ids.add(String((reply.body as { id?: string })?.id ?? bulletin.metadata.id));
    if (reply.status === 204) {
      response.writeHead(204);
      response.end();
      return;
    }
    sendJson(response, reply.status, reply.body ?? {}, reply.headers);
  });

  const defaultReply = (bulletin: ReceivedBulletin): Reply => {
    if (bulletin.method === 'POST') return { status: 201, body: { id: `BT-${bulletin.metadata.id}` } };
    if (bulletin.method === 'DELETE') {
      const id = decodeURIComponent(bulletin.path.split('/').pop() ?? '');
      return ids.delete(id) ? { status: 204 } : { status: 404, body: { error: 'no such bulletin' } };
    }
    return { status: 404 };
  };

  return {
    url: server.url(''),
    received,
    posts: () => received.filter((bulletin) => bulletin.method === 'POST' && bulletin.status === 201),
    respondWith(next: Responder | null) {
      responder = next;
    },
    close: server.close,
  };
};

export type SourceSystem = Awaited<ReturnType<typeof startSourceSystem>>;
