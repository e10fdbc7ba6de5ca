import http from 'http';
import type { AddressInfo } from 'net';

/** Reads a request body as text. */
export const readBody = (request: http.IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });

/**
 * An HTTP server on 127.0.0.1 that can be taken down (connection refused) and brought back on the
 * same port, and that never keeps Jest alive (open sockets are destroyed on close).
 */
export const startServer = async (handler: http.RequestListener) => {
  const sockets = new Set<import('net').Socket>();
  let server: http.Server | null = null;
  let port = 0;

  const listen = async () => {
    const next = http.createServer(handler);
    next.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => resolve());
    });
    port = (next.address() as AddressInfo).port;
    server = next;
  };

  const close = async () => {
    const current = server;
    server = null;
    if (!current) return;
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => current.close(() => resolve()));
  };

  await listen();
  return {
    get port() {
      return port;
    },
    url: (path = '') => `http://127.0.0.1:${port}${path}`,
    /** Stops listening: clients get "connection refused". */
    down: close,
    /** Listens again on the same port. */
    up: listen,
    close,
  };
};

export const sendJson = (response: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
};
