import { asAdmin, SUPER_ADMIN_ENV } from '../helpers/admin';
import { createTeam, type Team } from '../helpers/approval-workflow';
import { agencyData, createDocument, policyData, publishTrusted } from '../helpers/content';
import { startTestApp, type TestApp } from '../helpers/strapi';

const FEEDBACK = 'api::feedback.feedback';
const CM = '/content-manager/collection-types';

let app: TestApp;
let team: Team;
let feedbackId: string;
let agencyId: string;

beforeAll(async () => {
  app = await startTestApp('editorial-roles', SUPER_ADMIN_ENV);
  team = await createTeam(app.strapi, 'roles');
  const policy = await createDocument(app.strapi, 'api::policy.policy', policyData());
  await publishTrusted(app.strapi, 'api::policy.policy', policy.documentId);
  agencyId = (await createDocument(app.strapi, 'api::agency.agency', agencyData({ name: 'Sở Tư pháp', code: 'SO-TP' }))).documentId;
  feedbackId = (
    await app.strapi.documents(FEEDBACK).create({
      data: { policy: policy.documentId, content: 'Đề nghị hướng dẫn thủ tục', fullName: 'Người Dân', email: 'nguoi.dan@example.vn', phone: '0987000111' },
    } as never)
  ).documentId;
});

afterAll(async () => {
  await app.stop();
});

const as = (who: keyof Team) => asAdmin(app.strapi, team[who].token);

describe('the editorial roles reach the distribution and participation screens they need', () => {
  it.each(['editor', 'reviewer', 'leader'] as const)('lets the %s read deliveries and channels', async (who) => {
    expect((await as(who).get('/multichannel-publishing/deliveries')).status).toBe(200);
    expect((await as(who).get('/multichannel-publishing/channels')).status).toBe(200);
  });

  it('lets editors and leaders replay a delivery but not reviewers', async () => {
    expect((await as('reviewer').post('/multichannel-publishing/deliveries/999999/retry')).status).toBe(403);
    expect((await as('leader').post('/multichannel-publishing/deliveries/999999/retry')).status).toBe(404);
    expect((await as('editor').post('/multichannel-publishing/deliveries/999999/retry')).status).toBe(404);
  });

  it('shows the submitter’s contact details to editors, who answer, and hides them from leaders and reviewers', async () => {
    const editorView = await as('editor').get(`${CM}/${FEEDBACK}/${feedbackId}`);
    expect(editorView.status).toBe(200);
    expect(editorView.body.data).toMatchObject({ fullName: 'Người Dân', email: 'nguoi.dan@example.vn', phone: '0987000111' });
    for (const who of ['leader', 'reviewer'] as const) {
      const view = await as(who).get(`${CM}/${FEEDBACK}/${feedbackId}`);
      expect(view.status).toBe(200);
      expect(view.body.data.content).toBe('Đề nghị hướng dẫn thủ tục');
      expect(JSON.stringify(view.body)).not.toMatch(/nguoi\.dan@example\.vn|0987000111|Người Dân/);
    }
  });

  it('lets editors moderate feedback, and refuses reviewers and leaders', async () => {
    const transition = `/public-participation/feedbacks/${feedbackId}/transition`;
    const stored = async () =>
      (await app.strapi.db.query(FEEDBACK).findOne({ where: { documentId: feedbackId }, populate: ['respondingAgency'] })) as {
        moderationStatus: string;
        response: string | null;
        respondingAgency: { documentId: string } | null;
      };

    // Roles without the moderation permission change nothing, by either door.
    expect((await as('reviewer').put(`${CM}/${FEEDBACK}/${feedbackId}`).send({ response: 'x' })).status).toBe(403);
    for (const who of ['reviewer', 'leader'] as const) {
      expect((await as(who).post(transition).send({ moderationStatus: 'assigned', respondingAgency: agencyId })).status).toBe(403);
    }
    expect(await stored()).toMatchObject({ moderationStatus: 'received', respondingAgency: null });

    const assigned = await as('editor').post(transition).send({ moderationStatus: 'assigned', respondingAgency: agencyId });
    expect(assigned.status).toBe(200);
    expect(assigned.body.data).toMatchObject({ moderationStatus: 'assigned', respondingAgency: { documentId: agencyId, name: 'Sở Tư pháp' } });
    const answered = await as('editor').post(transition).send({ moderationStatus: 'answered', response: 'Thủ tục được hướng dẫn tại bộ phận một cửa.' });
    expect(answered.status).toBe(200);
    expect(await stored()).toMatchObject({
      moderationStatus: 'answered',
      response: 'Thủ tục được hướng dẫn tại bộ phận một cửa.',
      respondingAgency: { documentId: agencyId },
    });
  });

  it('grants nothing twice when the app boots again on the same roles', async () => {
    const count = () => app.strapi.db.query('admin::permission').count({ where: { action: 'plugin::multichannel-publishing.read' } });
    const before = await count();
    const { grantEditorialPermissions } = await import('../../src/bootstrap/editorial-permissions');
    await grantEditorialPermissions(app.strapi);
    expect(await count()).toBe(before);
  });
});
