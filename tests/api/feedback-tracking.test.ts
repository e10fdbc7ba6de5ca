import { asAdmin, loginAdmin, SUPER_ADMIN, SUPER_ADMIN_ENV } from '../helpers/admin';
import { createAgency } from '../helpers/agencies';
import { consultationDraftData, createDocument, policyData, publishTrusted } from '../helpers/content';
import { FEEDBACK_UID, intakeBody, storedFeedback, UNLIMITED_RATE_ENV } from '../helpers/feedback';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { pdfBytes } from '../helpers/upload-samples';

/**
 * "What happens next" (`GET /api/feedbacks/track/:trackingCode`): the steps of the process with
 * the current one marked, the agency's disposition and explanation once decided, and the outcome
 * link once published; never the submitter's own details.
 */
const POLICY = 'api::policy.policy';
const DRAFT = 'api::consultation-draft.consultation-draft';
const PUBLIC_URL = 'http://127.0.0.1:9';
const CITIZEN = { fullName: 'Phạm Thị Tra Cứu', email: 'tracuu.pham@example.vn', phone: '0966111222' };

let app: TestApp;
let admin: ReturnType<typeof asAdmin>;
let agency: string;
let policy: string;

type Step = { key: string; label: string; state: string; at: string | null };

const submit = async (target: Record<string, string>, overrides: Record<string, unknown> = {}) => {
  const response = await app.http().post('/api/feedbacks').send(intakeBody(target, { ...CITIZEN, ...overrides }));
  expect(response.status).toBe(201);
  const code = response.body.data.trackingCode as string;
  return { code, documentId: (await storedFeedback(app.strapi, { trackingCode: code }))[0].documentId };
};

const track = async (code: string) => {
  const response = await app.http().get(`/api/feedbacks/track/${code}`);
  expect(response.status).toBe(200);
  for (const value of Object.values(CITIZEN)) expect(response.text).not.toContain(value);
  return response.body.data as { steps: Step[]; currentStep: string; disposition: Record<string, unknown> | null; outcome: Record<string, unknown> | null; status: string };
};

const states = (steps: Step[]) => steps.map((step) => [step.key, step.state]);
const update = (documentId: string, data: Record<string, unknown>) => app.strapi.documents(FEEDBACK_UID).update({ documentId, data } as never);

beforeAll(async () => {
  app = await startTestApp('feedback-tracking', { ...SUPER_ADMIN_ENV, ...UNLIMITED_RATE_ENV, PUBLIC_URL });
  admin = asAdmin(app.strapi, await loginAdmin(app.strapi, SUPER_ADMIN.email, SUPER_ADMIN.password));
  agency = await createAgency(app.strapi, 'TRACK-A');
  policy = (await createDocument(app.strapi, POLICY, policyData({ leadAgency: agency }), { publish: true })).documentId;
});

afterAll(async () => {
  await app.stop();
});

describe('feedback on a policy', () => {
  it('goes received → forwarded to the agency → answered, the current step marked and each done step dated', async () => {
    const { code, documentId } = await submit({ policy });
    const received = await track(code);
    expect(states(received.steps)).toEqual([
      ['received', 'done'],
      ['assigned', 'in-progress'],
      ['answered', 'upcoming'],
    ]);
    expect(received.currentStep).toBe('assigned');
    expect(received.steps[0].at).toMatch(/^\d{4}-/);
    expect(received.steps[0].label).toBe('Đã tiếp nhận ý kiến');
    expect(received.steps.slice(1).map((step) => step.at)).toEqual([null, null]);
    expect(received.disposition).toBeNull();
    expect(received.outcome).toBeNull();

    await update(documentId, { moderationStatus: 'assigned', respondingAgency: agency });
    expect(states((await track(code)).steps)).toEqual([
      ['received', 'done'],
      ['assigned', 'done'],
      ['answered', 'in-progress'],
    ]);

    await update(documentId, { moderationStatus: 'answered', response: 'Sở đã tiếp nhận và giải quyết.' });
    const answered = await track(code);
    expect(states(answered.steps)).toEqual([
      ['received', 'done'],
      ['assigned', 'done'],
      ['answered', 'done'],
    ]);
    expect(answered.currentStep).toBe('answered');
    expect(answered.steps[2].at).toMatch(/^\d{4}-/);
  });

  it('says why a rejected feedback is not considered, and ends there', async () => {
    const { code, documentId } = await submit({ policy }, { content: 'Một ý kiến ngoài phạm vi của chính sách này.' });
    await update(documentId, { moderationStatus: 'rejected', rejectionReason: 'out-of-scope' });
    const rejected = await track(code);
    expect(rejected.status).toBe('rejected');
    expect(states(rejected.steps)).toEqual([
      ['received', 'done'],
      ['rejected', 'done'],
    ]);
    expect(rejected.steps[1].label).toBe('Không xem xét: nội dung không thuộc phạm vi tiếp nhận');
    expect(rejected.currentStep).toBe('rejected');
  });
});

describe('feedback on a consultation draft', () => {
  it('follows the consultation: window end, the disposition with its explanation, then the published outcome with its link', async () => {
    const closesAt = new Date(Date.now() + 5 * 86_400_000).toISOString();
    const draft = (await createDocument(app.strapi, DRAFT, consultationDraftData(policy, { closesAt }), { publish: true })).documentId;
    const { code, documentId } = await submit({ consultationDraft: draft }, { content: 'Đề nghị bổ sung đối tượng hộ cận nghèo vào Điều 5.' });

    const open = await track(code);
    expect(states(open.steps)).toEqual([
      ['received', 'done'],
      ['consultation-closed', 'in-progress'],
      ['disposition', 'upcoming'],
      ['outcome-published', 'upcoming'],
    ]);
    // The planned end of the consultation is known before it comes.
    expect(open.steps[1].at).toBe(closesAt);
    expect(open.currentStep).toBe('consultation-closed');

    // The consultation ends (its window moved into the past and republished).
    const ended = new Date(Date.now() - 60_000).toISOString();
    await app.strapi.documents(DRAFT as never).update({ documentId: draft, locale: 'vi', data: { opensAt: new Date(Date.now() - 30 * 86_400_000).toISOString(), closesAt: ended } } as never);
    await publishTrusted(app.strapi, DRAFT, draft);
    expect(states((await track(code)).steps)).toEqual([
      ['received', 'done'],
      ['consultation-closed', 'done'],
      ['disposition', 'in-progress'],
      ['outcome-published', 'upcoming'],
    ]);

    await update(documentId, { disposition: 'not-accepted', explanation: 'Hộ cận nghèo đã được hỗ trợ theo Nghị quyết 12.', provision: 'Điều 5, khoản 2' });
    const decided = await track(code);
    expect(decided.disposition).toEqual({
      value: 'not-accepted',
      label: 'Không tiếp thu',
      explanation: 'Hộ cận nghèo đã được hỗ trợ theo Nghị quyết 12.',
      provision: 'Điều 5, khoản 2',
      decidedAt: expect.stringMatching(/^\d{4}-/),
    });
    expect(decided.steps[2]).toEqual({ key: 'disposition', label: 'Cơ quan soạn thảo tiếp thu, giải trình: không tiếp thu', state: 'done', at: decided.disposition?.decidedAt });
    expect(decided.outcome).toBeNull();

    const uploaded = await admin.post('/upload').attach('files', pdfBytes(), { filename: 'bao-cao-tiep-thu.pdf', contentType: 'application/pdf' });
    expect(uploaded.status).toBe(201);
    await app.strapi.documents(DRAFT as never).update({ documentId: draft, locale: 'vi', data: { outcomeReport: uploaded.body[0].id } } as never);
    await publishTrusted(app.strapi, DRAFT, draft);
    const published = await track(code);
    expect(states(published.steps).every(([, state]) => state === 'done')).toBe(true);
    expect(published.currentStep).toBe('outcome-published');
    expect(published.outcome).toEqual({ url: `${PUBLIC_URL}/api/consultation-drafts/${draft}/outcome`, publishedAt: expect.stringMatching(/^\d{4}-/) });
    // The link leads to the published outcome.
    const outcome = await app.http().get(new URL(published.outcome?.url as string).pathname);
    expect(outcome.status).toBe(200);
    expect(outcome.body.data.items).toEqual([{ provision: 'Điều 5, khoản 2', disposition: 'not-accepted', explanation: 'Hộ cận nghèo đã được hỗ trợ theo Nghị quyết 12.', content: 'Đề nghị bổ sung đối tượng hộ cận nghèo vào Điều 5.' }]);
  });

  it('shows no disposition or step of a draft version that is not published', async () => {
    const draft = (await createDocument(app.strapi, DRAFT, consultationDraftData(policy), { publish: true })).documentId;
    const { code } = await submit({ consultationDraft: draft });
    // An edit of the draft (not published) moving the window does not reach the public.
    await app.strapi.documents(DRAFT as never).update({ documentId: draft, locale: 'vi', data: { closesAt: new Date(Date.now() - 60_000).toISOString() } } as never);
    const tracked = await track(code);
    expect(states(tracked.steps)[1]).toEqual(['consultation-closed', 'in-progress']);
  });
});
