import { createPolicy, publishPolicy } from '../helpers/publishing';
import { startTestApp, type TestApp } from '../helpers/strapi';

/**
 * Coverage with multichannel publishing turned off (README: "Coverage"): the app reads the outbox
 * only through names declared in the kernel and only when the plugin is on, so the figures still
 * come: no channel, nothing communicated.
 */
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp('coverage_no_publishing', { MULTICHANNEL_PUBLISHING_ENABLED: 'false', APPROVAL_WORKFLOW_ENABLED: 'false' });
});

afterAll(async () => {
  await app?.stop();
});

it('answers with no channels and every reached stage a gap', async () => {
  expect(app.strapi.plugin('multichannel-publishing')).toBeUndefined();
  const documentId = await createPolicy(app.strapi, { title: 'Chính sách không có kênh', stage: 'proposal' });
  await publishPolicy(app.strapi, documentId);

  const response = await app.http().get('/api/coverage');
  expect(response.status).toBe(200);
  expect(response.body.channels).toEqual({});
  expect(response.body.policies).toMatchObject({
    inScope: 1,
    fullyCommunicated: 0,
    percent: 0,
    byChannel: {},
    byStage: { proposal: { reached: 1, communicated: 0, percent: 0 } },
    gaps: [{ documentId, title: 'Chính sách không có kênh', stage: 'proposal', missingStages: ['proposal'] }],
  });
  const csv = await app.http().get('/api/coverage?format=csv');
  expect(csv.status).toBe(200);
  expect(csv.text).toContain(`policy,${documentId},Chính sách không có kênh,proposal,proposal`);
  expect((await app.http().get('/api/coverage/history?months=1')).status).toBe(200);
});
