import type { AddressInfo } from 'net';
import { SMTPServer } from 'smtp-server';

/** One e-mail as the SMTP server received it: the envelope, and the decoded headers and plain text. */
export type ReceivedMail = {
  envelopeFrom: string | null;
  envelopeTo: string[];
  to: string;
  subject: string;
  text: string;
  raw: string;
};

const decodeQuotedPrintable = (value: string): Buffer => {
  const soft = value.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i += 1) {
    if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(soft[i], 'utf8'));
    }
  }
  return Buffer.from(bytes);
};

/** RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`), adjacent ones joined. */
const decodeHeader = (value: string): string =>
  value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=/gi, (_match, _charset: string, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeQuotedPrintable(text.replace(/_/g, ' ')).toString('utf8'),
    );

type Part = { headers: Map<string, string>; body: string };

const splitPart = (raw: string): Part => {
  const end = raw.search(/\r?\n\r?\n/);
  const head = end < 0 ? raw : raw.slice(0, end);
  const body = end < 0 ? '' : raw.slice(end).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
};

const decodeBody = (part: Part): string => {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'base64') return Buffer.from(part.body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(part.body).toString('utf8');
  return part.body;
};

/** The text/plain part of a message as nodemailer writes it (single part or multipart/alternative). */
const plainText = (part: Part): string => {
  const type = part.headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!type.toLowerCase().startsWith('multipart/') || !boundary) return decodeBody(part).replace(/\r\n/g, '\n').trimEnd();
  const parts = part.body.split(`--${boundary}`).slice(1, -1).map((chunk) => splitPart(chunk.replace(/^\r?\n/, '')));
  const text = parts.find((child) => (child.headers.get('content-type') ?? '').toLowerCase().startsWith('text/plain'));
  return text ? plainText(text) : '';
};

export const parseMail = (raw: string, envelope: { from: string | null; to: string[] }): ReceivedMail => {
  const message = splitPart(raw);
  return {
    envelopeFrom: envelope.from,
    envelopeTo: envelope.to,
    to: decodeHeader(message.headers.get('to') ?? ''),
    subject: decodeHeader(message.headers.get('subject') ?? ''),
    text: plainText(message),
    raw,
  };
};

const smtpError = (message: string, responseCode: number) => Object.assign(new Error(message), { responseCode });

/**
 * A real SMTP server (the `smtp-server` package) on 127.0.0.1 that keeps what it receives. It can be
 * taken down (connection refused) and brought back on the same port, or made to refuse every
 * connection with a 421 (service not available) while listening.
 */
export const startSmtpServer = async () => {
  const received: ReceivedMail[] = [];
  let refusing = false;
  let server: SMTPServer | null = null;
  let port = 0;

  const listen = async () => {
    const next = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      closeTimeout: 200,
      onConnect(_session, callback) {
        callback(refusing ? smtpError('Service not available, try again later', 421) : null);
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const { mailFrom, rcptTo } = session.envelope;
          received.push(
            parseMail(Buffer.concat(chunks).toString('utf8'), {
              from: mailFrom ? mailFrom.address : null,
              to: rcptTo.map((recipient) => recipient.address),
            }),
          );
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => resolve());
    });
    port = (next.server.address() as AddressInfo).port;
    server = next;
  };

  const close = async () => {
    const current = server;
    server = null;
    if (current) await new Promise<void>((resolve) => current.close(() => resolve()));
  };

  await listen();
  return {
    get port() {
      return port;
    },
    /** Every message received so far, oldest first. */
    received,
    /** The messages whose envelope names `address`. */
    to: (address: string) => received.filter((mail) => mail.envelopeTo.includes(address)),
    /** Stops listening: clients get "connection refused". */
    down: close,
    /** Listens again on the same port. */
    up: listen,
    /** While on, every connection is answered 421 (a temporary refusal). */
    refuse: (on: boolean) => {
      refusing = on;
    },
    close,
  };
};
