import type { Core } from '@strapi/strapi';

type EmailPluginConfig = { provider?: string; providerOptions?: { host?: string } };
type EmailService = { send(options: { to: string; subject: string; text: string; html: string }): Promise<unknown> };
type SmtpError = Error & { code?: string; responseCode?: number };

/** Why an e-mail could not be sent, and whether trying again later may help. */
export class TransportError extends Error {
  readonly retryable: boolean;

  constructor(message: string, { retryable }: { retryable: boolean }) {
    super(message);
    this.name = 'TransportError';
    this.retryable = retryable;
  }
}

// Addresses in an SMTP server's answer ("<hoa@…>: mailbox unavailable") are not kept in `lastError`.
const withoutAddresses = (text: string): string => text.replace(/<?[^\s<>@]+@[^\s<>@]+>?/g, '<address>');

/**
 * SMTP answers 5xx for what will fail again (no such mailbox, message refused) and 4xx for what may
 * pass later (greylisting, a full queue); a connection that fails, times out or is cut is an outage.
 * Authentication failures are retried: the operator fixes the settings, the messages wait.
 */
export const classifySmtpError = (error: unknown): TransportError => {
  const smtp = error as SmtpError;
  const message = withoutAddresses(smtp?.message ?? String(error));
  if (typeof smtp?.responseCode === 'number') {
    const permanent = smtp.responseCode >= 500 && smtp.code !== 'EAUTH';
    return new TransportError(`SMTP ${smtp.responseCode}: ${message}`, { retryable: !permanent });
  }
  if (smtp?.code === 'EENVELOPE' || smtp?.code === 'EMESSAGE') return new TransportError(message, { retryable: false });
  return new TransportError(smtp?.code ? `${smtp.code}: ${message}` : message, { retryable: true });
};

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The HTML part: the nodemailer provider would otherwise send the plain text as HTML, where its
 * line breaks vanish. Same words, escaped, one line per line.
 */
export const plainTextToHtml = (text: string): string =>
  `<div style="font-family: Arial, sans-serif; font-size: 15px; line-height: 1.5">${escapeHtml(text).replace(/\r?\n/g, '<br>\n')}</div>`;

/** The e-mail transport: Strapi's email plugin with the nodemailer (SMTP) provider. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** `null` when e-mail can be sent, otherwise why not (recorded as the reason a message is skipped). */
  unavailableReason(): string | null {
    if (!strapi.plugin('email')) return 'e-mail is not available: the email plugin is not loaded';
    const config = (strapi.config.get('plugin::email') ?? {}) as EmailPluginConfig;
    if (config.provider !== 'nodemailer' || !config.providerOptions?.host) return 'e-mail is not configured: SMTP_HOST is not set';
    return null;
  },

  /** Sends one plain-text e-mail; throws a {@link TransportError}. */
  async send(message: { to: string; subject: string; text: string }): Promise<void> {
    const reason = this.unavailableReason();
    if (reason) throw new TransportError(reason, { retryable: true });
    try {
      await (strapi.plugin('email').service('email') as EmailService).send({ ...message, html: plainTextToHtml(message.text) });
    } catch (error) {
      throw classifySmtpError(error);
    }
  },
});
