import { assertConsultationWindow, DEFAULT_CONSULTATION_MIN_DAYS } from '../../src/api/consultation-draft/validation';
import { CONSULTATION_DRAFTS } from '../../src/seed/data/consultation-drafts';
import { asAdmin, loginAdmin, SUPER_ADMIN, SUPER_ADMIN_ENV } from '../helpers/admin';
import { createFullAccessToken } from '../helpers/api-token';
import { consultationDraftData, createDocument, policyData } from '../helpers/content';
import { startTestApp, type TestApp } from '../helpers/strapi';

/**
 * Consultation windows: a draft stays open at least CONSULTATION_MIN_DAYS calendar days (20 unless
 * configured), on every write path. This file boots with the product's default (the variable unset);
 * the other suites run with 0, the setting that turns the rule off.
 */

const POLICY = 'api::policy.policy';
const DRAFT = 'api::consultation-draft.consultation-draft';
const CM = '/content-manager/collection-types';
const DAY = 86_400_000;
const OPENS = Date.parse('2030-03-01T00:00:00.000Z');

/** A window opening on 1 March 2030 and lasting `days` (fractions allowed). */
const windowOf = (days: number) => ({ opensAt: new Date(OPENS).toISOString(), closesAt: new Date(OPENS + days * DAY).toISOString() });

let app: TestApp;
let admin: ReturnType<typeof asAdmin>;
let apiToken: string;
let policyId: string;

const namedField = (body: { error: { details: { errors?: Array<{ path: string[] }> } } }) => body.error.details.errors?.[0]?.path.join('.');

beforeAll(async () => {
  app = await startTestApp('consultation-window', { ...SUPER_ADMIN_ENV, CONSULTATION_MIN_DAYS: undefined });
  admin = asAdmin(app.strapi, await loginAdmin(app.strapi, SUPER_ADMIN.email, SUPER_ADMIN.password));
  apiToken = await createFullAccessToken(app.strapi);
  policyId = (await createDocument(app.strapi, POLICY, policyData(), { publish: true })).documentId;
});

afterAll(async () => {
  await app?.stop();
});

describe('the shortest consultation window (default 20 days)', () => {
  it('is refused in the content manager one minute short of 20 days, with a 400 naming closesAt', async () => {
    const response = await admin.post(`${CM}/${DRAFT}`).send(consultationDraftData(policyId, windowOf(20 - 1 / 1440)));
    expect(response.status).toBe(400);
    expect(response.body.error.name).toBe('ValidationError');
    expect(namedField(response.body)).toBe('closesAt');
    expect(response.body.error.message).toContain('at least 20 days');
  });

  it('is accepted at exactly 20 days', async () => {
    const response = await admin.post(`${CM}/${DRAFT}`).send(consultationDraftData(policyId, windowOf(20)));
    expect(response.status).toBe(201);
  });

  it('is refused on the REST API and by the document service', async () => {
    const rest = await app.http().post('/api/consultation-drafts').set('Authorization', `Bearer ${apiToken}`).send({ data: consultationDraftData(policyId, windowOf(10)) });
    expect(rest.status).toBe(400);
    expect(namedField(rest.body)).toBe('closesAt');
    await expect(app.strapi.documents(DRAFT).create({ data: consultationDraftData(policyId, windowOf(19)) } as never)).rejects.toMatchObject({
      name: 'ValidationError',
      details: { errors: [{ path: ['closesAt'] }], minDays: 20 },
    });
  });

  it('is refused when an existing window is shortened by moving only one end, which stays as it was', async () => {
    const draft = await createDocument(app.strapi, DRAFT, consultationDraftData(policyId, windowOf(30)));
    const earlier = await admin.put(`${CM}/${DRAFT}/${draft.documentId}`).send({ closesAt: new Date(OPENS + 15 * DAY).toISOString() });
    expect(earlier.status).toBe(400);
    expect(namedField(earlier.body)).toBe('closesAt');
    const later = await admin.put(`${CM}/${DRAFT}/${draft.documentId}`).send({ opensAt: new Date(OPENS + 12 * DAY).toISOString() });
    expect(later.status).toBe(400);
    expect(namedField(later.body)).toBe('closesAt');
    const stored = (await app.strapi.db.query(DRAFT).findOne({ where: { documentId: draft.documentId }, select: ['opensAt', 'closesAt'] })) as { opensAt: string; closesAt: string };
    expect(new Date(stored.closesAt).getTime() - new Date(stored.opensAt).getTime()).toBe(30 * DAY);
  });

  it('still names the order first when closesAt is before opensAt', async () => {
    const response = await admin.post(`${CM}/${DRAFT}`).send(consultationDraftData(policyId, { opensAt: windowOf(5).closesAt, closesAt: windowOf(0).opensAt }));
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('closesAt must be after opensAt');
  });
});

describe('the setting', () => {
  it('turns the rule off at 0 and applies any other length', () => {
    expect(() => assertConsultationWindow(windowOf(1), 0)).not.toThrow();
    expect(() => assertConsultationWindow(windowOf(6.9), 7)).toThrow(/at least 7 days/);
    expect(() => assertConsultationWindow(windowOf(7), 7)).not.toThrow();
  });

  it('is respected by every demo consultation draft', () => {
    expect(DEFAULT_CONSULTATION_MIN_DAYS).toBe(20);
    expect(CONSULTATION_DRAFTS.length).toBeGreaterThan(0);
    const tooShort = CONSULTATION_DRAFTS.filter((draft) => draft.closesInDays - draft.opensInDays < DEFAULT_CONSULTATION_MIN_DAYS).map((draft) => draft.key);
    expect(tooShort).toEqual([]);
  });
});
