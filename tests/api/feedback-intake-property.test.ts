import * as fc from 'fast-check';
import { consultationDraftData, createDocument, policyData } from '../helpers/content';
import { feedbackCount, UNLIMITED_RATE_ENV } from '../helpers/feedback';
import { startTestApp, type TestApp } from '../helpers/strapi';

const POLICY = 'api::policy.policy';
const DRAFT = 'api::consultation-draft.consultation-draft';

let app: TestApp;
let targets: string[];

beforeAll(async () => {
  app = await startTestApp('feedback-property', UNLIMITED_RATE_ENV);
  const policy = (await createDocument(app.strapi, POLICY, policyData(), { publish: true })).documentId;
  const draft = (await createDocument(app.strapi, DRAFT, consultationDraftData(policy), { publish: true })).documentId;
  targets = [policy, draft];
});

afterAll(async () => {
  await app.stop();
});

/** Any string, including lone surrogates, NUL and other control characters. */
const anyString = fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ maxLength: 80 }), fc.constantFrom('', ' ', '\u0000', '\ud800', 'GY-2222-2222'));

const anyValue: fc.Arbitrary<unknown> = fc.oneof(anyString, fc.jsonValue({ maxDepth: 2 }), fc.boolean(), fc.integer(), fc.constant(null));

/** Mostly the valid value, sometimes anything at all. */
const mostly = <T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> => fc.oneof({ weight: 12, arbitrary: valid }, { weight: 1, arbitrary: anyValue });

/** Bodies that look more or less like an intake: real targets, plausible and implausible fields. */
const nearIntake = fc
  .record({
    target: fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(0, 1).map((index) => (index === 0 ? { policy: targets[0] } : { consultationDraft: targets[1] })) },
      { weight: 1, arbitrary: fc.constant({}) },
      { weight: 1, arbitrary: fc.record({ policy: anyValue, consultationDraft: anyValue }, { requiredKeys: [] }) },
    ),
    submitterType: mostly(fc.constantFrom('citizen', 'business', 'organization')),
    fullName: fc.option(mostly(fc.string({ unit: 'grapheme', maxLength: 40 })), { nil: undefined }),
    organizationName: fc.option(mostly(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 })), { nil: undefined }),
    email: fc.option(mostly(fc.oneof({ weight: 4, arbitrary: fc.constantFrom('dan@example.vn', 'Ho.Ten@laocai.gov.vn') }, { weight: 1, arbitrary: fc.emailAddress() })), { nil: undefined }),
    phone: fc.option(mostly(fc.constantFrom('0912345678', '+84912345678', '02143840888')), { nil: undefined }),
    content: mostly(
      fc.oneof(
        { weight: 3, arbitrary: fc.string({ unit: 'grapheme', minLength: 12, maxLength: 200 }) },
        { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 10, maxLength: 300 }) },
      ),
    ),
    category: mostly(fc.constantFrom('comment', 'recommendation', 'difficulty', 'question')),
    publicConsent: fc.option(mostly(fc.boolean()), { nil: undefined }),
    website: fc.option(fc.oneof({ weight: 4, arbitrary: fc.constant('') }, { weight: 1, arbitrary: anyValue }), { nil: undefined }),
    extra: fc.oneof(
      { weight: 6, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), anyValue, { maxKeys: 2 }) },
    ),
  })
  .map(({ target, extra, ...fields }) => ({ ...target, ...fields, ...(extra ?? {}) }));

type Attempt = { kind: 'json'; body: unknown } | { kind: 'raw'; body: string; contentType: string };

const attempt: fc.Arbitrary<Attempt> = fc.oneof(
  { weight: 5, arbitrary: nearIntake.map((data) => ({ kind: 'json' as const, body: { data } })) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((body) => ({ kind: 'json' as const, body })) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(anyString, fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1'))
      .map(([body, contentType]) => ({ kind: 'raw' as const, body, contentType })),
  },
);

const send = (input: Attempt) => {
  const request = app.http().post('/api/feedbacks');
  if (input.kind === 'raw') return request.set('Content-Type', input.contentType).send(input.body);
  return request.set('Content-Type', 'application/json').send(JSON.stringify(input.body) ?? 'null');
};

describe('POST /api/feedbacks under arbitrary input', () => {
  it('never answers 5xx and stores something only when it answers 201', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(attempt, async (input) => {
        const before = await feedbackCount(app.strapi);
        const response = await send(input);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        expect(response.status).toBeLessThan(500);
        expect(response.body?.error?.stack).toBeUndefined();
        const after = await feedbackCount(app.strapi);
        expect(after).toBe(response.status === 201 ? before + 1 : before);
      }),
      { numRuns: 300 },
    );
    // The generator must reach both sides of the door, or the property proves little.
    expect(statuses.get(201) ?? 0).toBeGreaterThan(0);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(0);
  });
});
