import type http from 'http';
import { Webhook } from 'standardwebhooks';
import { readBody, sendJson, startServer } from './http';

export type ReceivedWebhook = {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  json: any;
  /** The Standard Webhooks signature checked out with the shared secret (and a fresh timestamp). */
  verified: boolean;
  /** What the receiver answered. */
  status: number;
};

export type Reply = { status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number } | 'hang';
type Responder = (webhook: ReceivedWebhook) => Reply;

/**
 * The provincial portal's webhook receiver as the contract describes it: verifies the Standard
 * Webhooks signature (401 when it does not hold), logs every request, and answers what the test
 * scripts (200 by default; `hang` never answers).
 */
export const startPortalReceiver = async (secret: string) => {
  const verifier = new Webhook(secret);
  const received: ReceivedWebhook[] = [];
  let responder: Responder = () => ({ status: 200, body: { ok: true } });
  const hanging = new Set<http.ServerResponse>();

  const server = await startServer(async (request, response) => {
    const body = await readBody(request);
    const header = (name: string) => String(request.headers[name] ?? '');
    let verified = false;
    try {
      verifier.verify(body, { 'webhook-id': header('webhook-id'), 'webhook-timestamp': header('webhook-timestamp'), 'webhook-signature': header('webhook-signature') });
      verified = true;
    } catch {
      verified = false;
    }
    let json: unknown = null;
    try {
      json = JSON.parse(body);
    } catch {
      json = null;
    }
    const webhook: ReceivedWebhook = { id: header('webhook-id'), timestamp: header('webhook-timestamp'), signature: header('webhook-signature'), body, json, verified, status: 0 };
    const reply: Reply = verified ? responder(webhook) : { status: 401, body: { error: 'bad signature' } };
    webhook.status = reply === 'hang' ? -1 : reply.status;
    received.push(webhook);
    if (reply === 'hang') {
      hanging.add(response);
      return;
    }
    if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    sendJson(response, reply.status, reply.body ?? {}, reply.headers);
  });

  return {
    url: server.url('/webhooks/cms'),
    received,
    /** Webhooks answered with 2xx. */
    accepted: () => received.filter((webhook) => webhook.status >= 200 && webhook.status < 300),
    respondWith(next: Responder) {
      responder = next;
    },
    down: server.down,
    up: server.up,
    async close() {
      for (const response of hanging) response.destroy();
      await server.close();
    },
  };
};

export type PortalReceiver = Awaited<ReturnType<typeof startPortalReceiver>>;
