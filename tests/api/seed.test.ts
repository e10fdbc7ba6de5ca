import { seedDemo, seedDemoReviews } from '../../src/seed';
import { DEMO_AGENCY_USERS, seedDemoAgencyAccess } from '../../src/seed/demo-admins';
import { asAdmin, loginAdmin } from '../helpers/admin';
import { AGENCIES, AGENCIES_WITHOUT_FOCAL_POINT } from '../../src/seed/data/agencies';
import { CONSULTATION_DRAFTS } from '../../src/seed/data/consultation-drafts';
import { startTestApp, type TestApp } from '../helpers/strapi';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp('seed');
});

afterAll(async () => {
  await app.stop();
});

const UIDS = [
  'api::agency.agency',
  'api::focal-point.focal-point',
  'api::audience.audience',
  'api::policy.policy',
  'api::consultation-draft.consultation-draft',
  'api::feedback.feedback',
] as const;

const countRows = async () =>
  Object.fromEntries(await Promise.all(UIDS.map(async (uid) => [uid, await app.strapi.db.query(uid).count()] as const)));

describe('the demo seed', () => {
  let firstRun: Awaited<ReturnType<typeof seedDemo>>;
  let rowsAfterFirstRun: Record<string, number>;

  beforeAll(async () => {
    firstRun = await seedDemo(app.strapi);
    rowsAfterFirstRun = await countRows();
  });

  it('loads a realistic province: 25+ agencies, 40+ focal points, 20+ policies, drafts and feedback', () => {
    expect(firstRun.agencies).toBeGreaterThanOrEqual(25);
    expect(firstRun.focalPoints).toBeGreaterThanOrEqual(40);
    expect(firstRun.policies).toBeGreaterThanOrEqual(20);
    expect(firstRun.consultationDrafts).toBeGreaterThanOrEqual(6);
    expect(firstRun.feedback).toBeGreaterThanOrEqual(15);
  });

  it('is idempotent: a second run creates nothing and changes no row count', async () => {
    const secondRun = await seedDemo(app.strapi);
    expect(Object.values(secondRun).every((created) => created === 0)).toBe(true);
    expect(await countRows()).toEqual(rowsAfterFirstRun);
  });

  it('leaves some agencies without a focal point so coverage is below 100 %', async () => {
    const response = await app.http().get('/api/agencies').query({ populate: 'focalPoints', pagination: { pageSize: 100 } });
    expect(response.status).toBe(200);
    const uncovered = response.body.data.filter((agency: { focalPoints: unknown[] }) => agency.focalPoints.length === 0);
    expect(uncovered.map((agency: { code: string }) => agency.code).sort()).toEqual([...AGENCIES_WITHOUT_FOCAL_POINT].sort());
    expect(response.body.meta.pagination.total).toBe(AGENCIES.length);
  });

  it('publishes policies in every stage, in Vietnamese and for some in English', async () => {
    const vi = await app.http().get('/api/policies').query({ pagination: { pageSize: 100 }, fields: ['stage'] });
    const stages = new Set(vi.body.data.map((policy: { stage: string }) => policy.stage));
    expect([...stages].sort()).toEqual(['adopted', 'drafting', 'implementing', 'promulgated', 'proposal', 'repealed']);
    const en = await app.http().get('/api/policies').query({ locale: 'en' });
    expect(en.body.meta.pagination.total).toBeGreaterThanOrEqual(3);
  });

  it('has consultation drafts that are open, upcoming and closed', async () => {
    const response = await app.http().get('/api/consultation-drafts').query({ pagination: { pageSize: 100 } });
    const statuses = new Set(response.body.data.map((draft: { consultationStatus: string }) => draft.consultationStatus));
    expect([...statuses].sort()).toEqual(['closed', 'open', 'upcoming']);
  });

  it('has feedback in every status', async () => {
    const rows = (await app.strapi.db.query('api::feedback.feedback').findMany({ select: ['moderationStatus'] })) as Array<{ moderationStatus: string }>;
    expect([...new Set(rows.map((row) => row.moderationStatus))].sort()).toEqual(['answered', 'assigned', 'closed', 'received', 'rejected']);
  });

  it('shows dispositions on a closed consultation: decided ones, undecided ones and a group of duplicates', async () => {
    const title = CONSULTATION_DRAFTS.find((draft) => draft.key === 'hoc-sinh-ban-tru-v1')?.title;
    const draft = (await app.strapi.db.query('api::consultation-draft.consultation-draft').findOne({ where: { title }, select: ['documentId'] })) as { documentId: string };
    const summary = await app.strapi.service('api::feedback.dispositions').summary(draft.documentId, {});
    expect(summary).toMatchObject({
      consultationStatus: 'closed',
      total: 6,
      withoutDisposition: 3,
      byDisposition: { accepted: 1, 'partially-accepted': 0, 'not-accepted': 1, noted: 1 },
      groups: [{ size: 3, disposition: null }],
    });
  });

  it('publishes the outcome of that closed consultation: the generated report attached, shown on the public outcome route', async () => {
    const title = CONSULTATION_DRAFTS.find((draft) => draft.key === 'hoc-sinh-ban-tru-v1')?.title;
    const draft = (await app.strapi.db.query('api::consultation-draft.consultation-draft').findOne({ where: { title }, select: ['documentId'] })) as { documentId: string };
    const response = await app.http().get(`/api/consultation-drafts/${draft.documentId}/outcome`);
    expect(response.status).toBe(200);
    expect(response.body.data.counts.received).toBe(6);
    expect(response.body.data.reportUrl).toMatch(/^https?:\/\/.+\/uploads\/.+\.docx$/);
    // Only the drafts marked in the demo data have a published outcome.
    const published = (await app.strapi.db.query('api::consultation-draft.consultation-draft').findMany({ where: { outcomePublishedAt: { $notNull: true } }, select: ['title'] })) as Array<{ title: string }>;
    expect([...new Set(published.map((row) => row.title))]).toEqual(CONSULTATION_DRAFTS.filter((item) => item.publishOutcome).map((item) => item.title));
  });

  it('puts the demo accounts in their agencies and creates the coordinator and a second agency’s editor', async () => {
    await app.strapi.plugin('approval-workflow').service('demo-users').ensureDemoUsers();
    await seedDemoAgencyAccess(app.strapi);
    await seedDemoAgencyAccess(app.strapi);
    const agenciesOf = async (email: string, password: string) => {
      const response = await asAdmin(app.strapi, await loginAdmin(app.strapi, email, password)).get('/agency-access/me');
      expect(response.status).toBe(200);
      return response.body.data as { agencies: Array<{ code: string }>; unscoped: boolean };
    };
    const editor = await agenciesOf('editor@laocai.gov.vn', 'Editor-Demo-2025');
    expect(editor.agencies.map((agency) => agency.code).sort()).toEqual(['SO-GDDT', 'SO-VHTTDL', 'SO-YT']);
    const [coordinator, financeEditor] = DEMO_AGENCY_USERS;
    expect(await agenciesOf(coordinator.email, coordinator.password)).toEqual({ agencies: [], unscoped: true });
    expect((await agenciesOf(financeEditor.email, financeEditor.password)).agencies.map((agency) => agency.code)).toEqual(['SO-TC']);
    expect(await app.strapi.db.query('plugin::agency-access.membership').count()).toBe(10);
  });

  it('leaves, as the demo accounts, one draft policy waiting for the leader step and one for the reviewer step', async () => {
    await app.strapi.plugin('approval-workflow').service('demo-users').ensureDemoUsers();
    expect(await seedDemoReviews(app.strapi)).toBe(2);
    expect(await seedDemoReviews(app.strapi)).toBe(0);
    const waitingFor = async (email: string, password: string) => {
      const token = await loginAdmin(app.strapi, email, password);
      const response = await asAdmin(app.strapi, token).get('/approval-workflow/inbox?stage=in-review');
      expect(response.status).toBe(200);
      return (response.body.data as Array<{ title: string; nextStep: { key: string } }>).map((item) => [item.title, item.nextStep.key]);
    };
    expect(await waitingFor('leader@laocai.gov.vn', 'Leader-Demo-2025')).toEqual([
      ['Đề xuất chính sách khuyến khích xã hội hóa trong lĩnh vực y tế', 'leader'],
    ]);
    expect(await waitingFor('reviewer@laocai.gov.vn', 'Reviewer-Demo-2025')).toEqual([
      ['Đề xuất chính sách hỗ trợ giáo viên công tác ở vùng đặc biệt khó khăn', 'reviewer'],
    ]);
  });
});
