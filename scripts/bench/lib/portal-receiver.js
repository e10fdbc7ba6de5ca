// The provincial portal's webhook receiver on 127.0.0.1, as the portal contract describes it
// (Standard Webhooks signature checked), recording when each publication event of a document arrives.
const http = require('http');
const { Webhook } = require('standardwebhooks');

/** A signing secret for this run (whsec_ + base64 of 24 random bytes). */
const newSecret = () => `whsec_${require('crypto').randomBytes(24).toString('base64')}`;

const startPortalReceiver = (secret) =>
  new Promise((resolve) => {
    const verifier = new Webhook(secret);
    const arrivals = [];
    const waiters = [];
    const server = http.createServer((request, response) => {
      const chunks = [];
      request.on('data', (chunk) => chunks.push(chunk));
      request.on('end', () => {
        const at = performance.now();
        const body = Buffer.concat(chunks).toString('utf8');
        try {
          verifier.verify(body, request.headers);
        } catch {
          response.writeHead(401).end();
          return;
        }
        const json = JSON.parse(body);
        const arrival = { at, type: json.type, documentId: json.data?.documentId };
        arrivals.push(arrival);
        for (const waiter of [...waiters]) if (waiter.match(arrival)) waiter.resolve(arrival);
        response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
      });
    });
    server.listen(0, '127.0.0.1', () => {
      resolve({
        url: `http://127.0.0.1:${server.address().port}/webhooks/cms`,
        /** Resolves with the first arrival (past or future) that `match` accepts; rejects after `timeoutMs`. */
        waitFor(match, timeoutMs = 30_000) {
          const past = arrivals.find(match);
          if (past) return Promise.resolve(past);
          return new Promise((done, fail) => {
            const waiter = { match, resolve: (arrival) => { clearTimeout(timer); waiters.splice(waiters.indexOf(waiter), 1); done(arrival); } };
            const timer = setTimeout(() => { waiters.splice(waiters.indexOf(waiter), 1); fail(new Error('no portal delivery within 30 s')); }, timeoutMs);
            waiters.push(waiter);
          });
        },
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });

module.exports = { newSecret, startPortalReceiver };
