import { consultationDraftData, createDocument, policyData } from '../helpers/content';
import { feedbackCount, intakeBody } from '../helpers/feedback';
import request from 'supertest';
import { startAppNode, type AppNode } from '../helpers/app-node';
import { startTestApp, type TestApp } from '../helpers/strapi';

const POLICY = 'api::policy.policy';
const DRAFT = 'api::consultation-draft.consultation-draft';
const LIMITS = {
  FEEDBACK_RATE_LIMIT_PER_MINUTE: '3',
  FEEDBACK_RATE_LIMIT_PER_DAY: '5',
  FEEDBACK_TRACK_RATE_LIMIT_PER_MINUTE: '2',
  FEEDBACK_TRACK_RATE_LIMIT_PER_DAY: '100',
};

const setUp = async (label: string, env: Record<string, string>) => {
  const app = await startTestApp(label, { ...LIMITS, ...env });
  const policy = (await createDocument(app.strapi, POLICY, policyData(), { publish: true })).documentId;
  const draft = (await createDocument(app.strapi, DRAFT, consultationDraftData(policy), { publish: true })).documentId;
  let sequence = 0;
  const submit = (forwardedFor?: string) => {
    sequence += 1;
    const request = app.http().post('/api/feedbacks');
    if (forwardedFor) request.set('X-Forwarded-For', forwardedFor);
    return request.send(intakeBody({ consultationDraft: draft }, { email: `rate${sequence}@example.vn`, content: `Ý kiến số ${sequence} về dự thảo.` }));
  };
  return { app, submit, draft };
};

describe('without a trusted proxy', () => {
  let app: TestApp;
  let submit: (forwardedFor?: string) => ReturnType<ReturnType<TestApp['http']>['post']>;

  beforeAll(async () => {
    ({ app, submit } = await setUp('feedback-rate', { PROXY: 'false' }));
  });
  afterAll(async () => {
    await app.stop();
  });

  it('refuses the submission over the per-minute limit with 429 and Retry-After, storing nothing', async () => {
    for (let index = 0; index < 3; index += 1) expect((await submit()).status).toBe(201);
    const before = await feedbackCount(app.strapi);
    const refused = await submit();
    expect(refused.status).toBe(429);
    expect(refused.body.data).toBeNull();
    expect(refused.body.error.name).toBe('RateLimitError');
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.body.error.details.retryAfter).toBe(retryAfter);
    expect(await feedbackCount(app.strapi)).toBe(before);
  });

  it('ignores X-Forwarded-For, so a client cannot pick a fresh address', async () => {
    expect((await submit('203.0.113.9')).status).toBe(429);
  });

  it('refuses over the per-day limit with a Retry-After of hours, once the minute has passed', async () => {
    // Let the minute window pass without waiting: drop the per-minute counters.
    await app.strapi.db.connection('public_rate_limits').where('key', 'like', 'intake:minute%').delete();
    expect((await submit()).status).toBe(201);
    expect((await submit()).status).toBe(201);
    await app.strapi.db.connection('public_rate_limits').where('key', 'like', 'intake:minute%').delete();
    const refused = await submit();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(3600);
  });

  it('limits tracking look-ups separately', async () => {
    expect((await app.http().get('/api/feedbacks/track/GY-2222-2222')).status).toBe(404);
    expect((await app.http().get('/api/feedbacks/track/GY-2222-2223')).status).toBe(404);
    const refused = await app.http().get('/api/feedbacks/track/GY-2222-2224');
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
  });
});

describe('behind a trusted proxy (PROXY=true)', () => {
  let app: TestApp;
  let submit: (forwardedFor?: string) => ReturnType<ReturnType<TestApp['http']>['post']>;

  beforeAll(async () => {
    ({ app, submit } = await setUp('feedback-rate-proxy', { PROXY: 'true' }));
  });
  afterAll(async () => {
    await app.stop();
  });

  it('counts each client address from X-Forwarded-For separately', async () => {
    for (let index = 0; index < 3; index += 1) expect((await submit('198.51.100.1')).status).toBe(201);
    expect((await submit('198.51.100.1')).status).toBe(429);
    expect((await submit('198.51.100.2')).status).toBe(201);
  });

  it('keys on the address the trusted proxy saw, so a client-written X-Forwarded-For entry resets nothing', async () => {
    // The proxy appends the address it saw (198.51.100.1, already at its limit); the client wrote the rest.
    expect((await submit('203.0.113.50, 198.51.100.1')).status).toBe(429);
    expect((await submit('10.0.0.1, 203.0.113.51, 198.51.100.1')).status).toBe(429);
  });
});

describe('behind two trusted proxies (PROXY_COUNT=2: a CDN, then the load balancer)', () => {
  let app: TestApp;
  let submit: (forwardedFor?: string) => ReturnType<ReturnType<TestApp['http']>['post']>;

  beforeAll(async () => {
    ({ app, submit } = await setUp('feedback-rate-two-proxies', { PROXY: 'true', PROXY_COUNT: '2' }));
  });
  afterAll(async () => {
    await app.stop();
  });

  it('takes the client address from the second-to-last entry, whatever the client wrote before it', async () => {
    for (let index = 0; index < 3; index += 1) expect((await submit(`203.0.113.${index}, 198.51.100.7, 192.0.2.10`)).status).toBe(201);
    expect((await submit('203.0.113.99, 198.51.100.7, 192.0.2.11')).status).toBe(429);
    expect((await submit('198.51.100.8, 192.0.2.10')).status).toBe(201);
  });
});

// The counters live in the database: a client cannot double its allowance by reaching another node.
(process.env.DATABASE_CLIENT === 'postgres' ? describe : describe.skip)('on PostgreSQL, with two app nodes behind the load balancer', () => {
  let app: TestApp;
  let submit: (forwardedFor?: string) => ReturnType<ReturnType<TestApp['http']>['post']>;
  let draft: string;
  let other: AppNode;
  let otherUrl: string;

  beforeAll(async () => {
    ({ app, submit, draft } = await setUp('feedback-rate-nodes', { PROXY: 'true' }));
    other = startAppNode({ APP_NODE_HTTP: 'true', STARTUP_BANNER: 'false' });
    otherUrl = `http://127.0.0.1:${await other.line('LISTENING')}`;
  });
  afterAll(async () => {
    await other?.stop();
    await app.stop();
  });

  const submitToOther = (forwardedFor: string, n: number) =>
    request(otherUrl)
      .post('/api/feedbacks')
      .set('X-Forwarded-For', forwardedFor)
      .send(intakeBody({ consultationDraft: draft }, { email: `other${n}@example.vn`, content: `Ý kiến số ${n} gửi qua nút thứ hai.` }));

  it('shares the per-minute and per-day limits of one client address across the nodes', async () => {
    expect((await submit('198.51.100.20')).status).toBe(201);
    expect((await submitToOther('198.51.100.20', 1)).status).toBe(201);
    expect((await submit('198.51.100.20')).status).toBe(201);
    const refused = await submitToOther('198.51.100.20', 2);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    // The minute passes (its counters dropped): two more on the other node reach the day's 5; the next is refused for hours.
    await app.strapi.db.connection('public_rate_limits').where('key', 'like', 'intake:minute%').delete();
    expect((await submitToOther('198.51.100.20', 3)).status).toBe(201);
    expect((await submitToOther('198.51.100.20', 4)).status).toBe(201);
    await app.strapi.db.connection('public_rate_limits').where('key', 'like', 'intake:minute%').delete();
    const overDay = await submit('198.51.100.20');
    expect(overDay.status).toBe(429);
    expect(Number(overDay.headers['retry-after'])).toBeGreaterThan(3600);
  });
});
