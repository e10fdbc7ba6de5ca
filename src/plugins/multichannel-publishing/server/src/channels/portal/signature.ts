import { Webhook } from 'standardwebhooks';

export type SignedHeaders = { 'webhook-id': string; 'webhook-timestamp': string; 'webhook-signature': string };

/**
 * Standard Webhooks headers for `body`: the signature is `v1,` + base64 HMAC-SHA256 of
 * `id.timestamp.body` keyed by the base64 secret after `whsec_` (done by the `standardwebhooks` library).
 */
export const signWebhook = ({ secret, id, timestamp, body }: { secret: string; id: string; timestamp: Date; body: string }): SignedHeaders => ({
  'webhook-id': id,
  'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
  'webhook-signature': new Webhook(secret).sign(id, timestamp, body),
});

/** Whether a secret has the `whsec_<base64>` shape the portal expects. */
export const isWebhookSecret = (secret: string | null | undefined): boolean => {
  if (!secret || !secret.startsWith('whsec_')) return false;
  const key = secret.slice('whsec_'.length);
  return key.length >= 16 && /^[A-Za-z0-9+/]+={0,2}$/.test(key);
};
