import { Webhook } from 'standardwebhooks';
import { isWebhookSecret, signWebhook } from '../../src/plugins/multichannel-publishing/server/src/channels/portal/signature';

// The test vector published with the Standard Webhooks specification (and its reference libraries).
const SPEC = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

describe('portal webhook signature (Standard Webhooks)', () => {
  it('matches the specification’s published test vector', () => {
    const headers = signWebhook({ secret: SPEC.secret, id: SPEC.id, timestamp: new Date(SPEC.timestamp * 1000), body: SPEC.body });
    expect(headers).toEqual({ 'webhook-id': SPEC.id, 'webhook-timestamp': String(SPEC.timestamp), 'webhook-signature': SPEC.signature });
  });

  it('is the base64 HMAC-SHA256 of id.timestamp.body keyed by the base64 secret after whsec_', () => {
    const crypto = require('crypto') as typeof import('crypto');
    const key = Buffer.from(SPEC.secret.slice('whsec_'.length), 'base64');
    const expected = crypto.createHmac('sha256', key).update(`${SPEC.id}.${SPEC.timestamp}.${SPEC.body}`).digest('base64');
    expect(SPEC.signature).toBe(`v1,${expected}`);
  });

  it('is verified by a receiver holding the same secret, and refused with another secret or a changed body', () => {
    const body = JSON.stringify({ type: 'policy.published', data: { title: 'Nghị quyết số 12/2024/NQ-HĐND' } });
    const headers = signWebhook({ secret: SPEC.secret, id: 'portal.abc', timestamp: new Date(), body });
    expect(() => new Webhook(SPEC.secret).verify(body, headers)).not.toThrow();
    expect(() => new Webhook('whsec_' + Buffer.from('another secret, 24 bytes!').toString('base64')).verify(body, headers)).toThrow();
    expect(() => new Webhook(SPEC.secret).verify(body.replace('12/2024', '13/2024'), headers)).toThrow();
  });

  it('gives the same signature for the same id, time and body, and a different one when the time changes', () => {
    const input = { secret: SPEC.secret, id: 'portal.x', body: '{}' };
    const a = signWebhook({ ...input, timestamp: new Date(1_700_000_000_000) });
    const b = signWebhook({ ...input, timestamp: new Date(1_700_000_000_000) });
    const c = signWebhook({ ...input, timestamp: new Date(1_700_000_001_000) });
    expect(a).toEqual(b);
    expect(c['webhook-signature']).not.toBe(a['webhook-signature']);
    expect(c['webhook-id']).toBe(a['webhook-id']);
  });

  it.each([
    ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', true],
    ['whsec_dGVzdC1wb3J0YWwtc2VjcmV0LTI0Ynl0ZXMh', true],
    ['MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', false],
    ['whsec_', false],
    ['whsec_short', false],
    ['whsec_not base64 at all!!', false],
    ['', false],
  ])('recognises %p as a webhook secret: %p', (secret, valid) => {
    expect(isWebhookSecret(secret)).toBe(valid);
  });
});
