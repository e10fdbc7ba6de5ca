import type { Core } from '@strapi/strapi';
import { asAdmin, loginAdmin, SUPER_ADMIN, SUPER_ADMIN_ENV } from '../helpers/admin';
import { startFacebookGraphFake, type FacebookGraphFake } from '../helpers/fakes/facebook-graph';
import {
  createPolicy,
  deliveriesOf,
  eventually,
  FACEBOOK_PAGE,
  facebookEnv,
  publishingEnv,
  publishPolicy,
  unpublishPolicy,
  updatePolicyDraft,
} from '../helpers/publishing';
import { startTestApp, type TestApp } from '../helpers/strapi';

describe('Facebook Page channel', () => {
  let app: TestApp;
  let strapi: Core.Strapi;
  let graph: FacebookGraphFake;

  const settled = (documentId: string, count = 1) =>
    eventually(`${count} settled Facebook deliveries of ${documentId}`, async () => {
      const rows = await deliveriesOf(strapi, { targetDocumentId: documentId, channel: 'facebook' });
      return rows.filter((row) => ['delivered', 'dead', 'skipped'].includes(row.status)).length >= count ? rows : null;
    });

  beforeAll(async () => {
    graph = await startFacebookGraphFake(FACEBOOK_PAGE);
    app = await startTestApp(
      'publishing_facebook',
      {
        ...SUPER_ADMIN_ENV,
        ...publishingEnv({ ...facebookEnv(graph.graphBase), PORTAL_ENTRY_URL_TEMPLATE: 'https://portal.test.gov.vn/chinh-sach/{documentId}', PUBLISHING_MAX_ATTEMPTS: '4' }),
      },
    );
    strapi = app.strapi;
  });

  afterAll(async () => {
    await app?.stop();
    await graph?.close();
  });

  it('publishing a Vietnamese policy creates a Page post with the title, the summary and the portal link', async () => {
    const documentId = await createPolicy(strapi, { title: 'Chính sách hỗ trợ học nghề cho thanh niên', summary: 'Hỗ trợ học phí và tiền ăn trong thời gian học.' });
    await publishPolicy(strapi, documentId);
    const [delivery] = await settled(documentId);

    expect(delivery).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(delivery.externalId).toMatch(new RegExp(`^${FACEBOOK_PAGE.pageId}_\\d+$`));
    const post = graph.posts.get(delivery.externalId ?? '');
    expect(post).toMatchObject({
      message: 'Chính sách hỗ trợ học nghề cho thanh niên\n\nHỗ trợ học phí và tiền ăn trong thời gian học.',
      link: `https://portal.test.gov.vn/chinh-sach/${documentId}`,
      deleted: false,
    });
    const create = graph.calls.find((call) => call.method === 'POST' && call.path.endsWith(`/${FACEBOOK_PAGE.pageId}/feed`));
    expect(create?.params.access_token).toBe(FACEBOOK_PAGE.pageToken);
  });

  it('re-publishing edits the same post with the new message, and unpublishing deletes it', async () => {
    const documentId = await createPolicy(strapi, { title: 'Quy định hỗ trợ nhà ở xã hội', summary: 'Bản đầu.' });
    await publishPolicy(strapi, documentId);
    const [created] = await settled(documentId);
    await updatePolicyDraft(strapi, documentId, { summary: 'Bản sửa đổi.' });
    await publishPolicy(strapi, documentId);
    await settled(documentId, 2);
    await unpublishPolicy(strapi, documentId);
    const rows = await settled(documentId, 3);

    expect(rows.map((row) => row.status)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(rows.map((row) => row.externalId)).toEqual([created.externalId, created.externalId, created.externalId]);
    expect(graph.posts.get(created.externalId ?? '')).toMatchObject({ message: 'Quy định hỗ trợ nhà ở xã hội\n\nBản sửa đổi.', updates: 1, deleted: true });
    const update = graph.calls.find((call) => call.method === 'POST' && call.path.endsWith(`/${created.externalId}`));
    expect(update?.params).toMatchObject({ message: 'Quy định hỗ trợ nhà ở xã hội\n\nBản sửa đổi.', access_token: FACEBOOK_PAGE.pageToken });
    expect(graph.calls.some((call) => call.method === 'DELETE' && call.path.endsWith(`/${created.externalId}`) && call.status === 200)).toBe(true);
  });

  it('a Page token Facebook refuses (OAuthException 190) makes the delivery dead at once, with Facebook’s message', async () => {
    graph.rotateToken('EAAnewTokenNobodyConfigured');
    try {
      const documentId = await createPolicy(strapi, { title: 'Chính sách đăng khi mã truy cập hết hạn' });
      await publishPolicy(strapi, documentId);
      const [delivery] = await settled(documentId);
      expect(delivery).toMatchObject({ status: 'dead', attempts: 1, lastStatusCode: 400 });
      expect(delivery.lastError).toContain('Facebook error 190');
      expect(delivery.lastError).toContain('Error validating access token');
      expect(delivery.lastError).toContain('FACEBOOK_PAGE_TOKEN');
      expect(delivery.lastError).not.toContain(FACEBOOK_PAGE.pageToken);
    } finally {
      graph.rotateToken(FACEBOOK_PAGE.pageToken);
    }
  });

  it('rate limits (codes 4 and 32) are retried with backoff until the post is created', async () => {
    graph.script(
      { status: 403, error: { code: 4, message: '(#4) Application request limit reached', type: 'OAuthException' } },
      { status: 400, error: { code: 32, message: '(#32) Page request limit reached', type: 'OAuthException' } },
    );
    const documentId = await createPolicy(strapi, { title: 'Chính sách gặp giới hạn tần suất Facebook' });
    await publishPolicy(strapi, documentId);
    const [delivery] = await settled(documentId);
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 3 });
    expect(graph.posts.get(delivery.externalId ?? '')?.message).toBe('Chính sách gặp giới hạn tần suất Facebook\n\nHỗ trợ nông dân vay vốn ưu đãi.');
  });

  it('an invalid parameter (100) or a missing permission (200) is dead at once; a temporary block (368) is retried', async () => {
    graph.script({ status: 400, error: { code: 200, message: '(#200) The user hasn’t authorized the application to perform this action', type: 'OAuthException' } });
    const refused = await createPolicy(strapi, { title: 'Chính sách khi trang thiếu quyền' });
    await publishPolicy(strapi, refused);
    const [dead] = await settled(refused);
    expect(dead).toMatchObject({ status: 'dead', attempts: 1 });
    expect(dead.lastError).toContain('pages_manage_posts');

    graph.script({ status: 400, error: { code: 368, message: 'It looks like you were misusing this feature by going too fast.', type: 'OAuthException' } });
    const blocked = await createPolicy(strapi, { title: 'Chính sách khi trang bị chặn tạm thời' });
    await publishPolicy(strapi, blocked);
    const [retried] = await settled(blocked);
    expect(retried).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  it('an English version is not posted (the Page speaks Vietnamese): its delivery is skipped', async () => {
    const documentId = await createPolicy(strapi, { title: 'English only policy' }, 'en');
    await publishPolicy(strapi, documentId, 'en');
    const [delivery] = await settled(documentId);
    expect(delivery).toMatchObject({ status: 'skipped', attempts: 0 });
    expect([...graph.posts.values()].some((post) => post.message.startsWith('English only'))).toBe(false);
  });

  it('the channel list shows the Facebook Page as configured, and never its token', async () => {
    const admin = asAdmin(strapi, await loginAdmin(strapi, SUPER_ADMIN.email, SUPER_ADMIN.password));
    const response = await admin.get('/multichannel-publishing/channels');
    expect(response.status).toBe(200);
    expect(response.body.data.find((channel: { name: string }) => channel.name === 'facebook')).toMatchObject({
      label: { vi: 'Trang Facebook', en: 'Facebook Page' },
      enabled: true,
      configComplete: true,
      missing: [],
    });
    expect(response.text).not.toContain(FACEBOOK_PAGE.pageToken);
  });
});
