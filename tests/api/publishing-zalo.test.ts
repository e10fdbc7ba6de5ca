import { bootStrapi, startTestApp, type TestApp } from '../helpers/strapi';
import { startZaloFake, type ZaloFake } from '../helpers/fakes/zalo-oa';
import { createPolicy, deliveriesOf, eventually, POLICY, publishingEnv, publishPolicy, unpublishPolicy, updatePolicyDraft, ZALO_APP, zaloEnv } from '../helpers/publishing';
import type { Core } from '@strapi/strapi';

const STATE = 'plugin::multichannel-publishing.state';

describe('Zalo Official Account channel', () => {
  let app: TestApp;
  let strapi: Core.Strapi;
  let zalo: ZaloFake;
  let env: Record<string, string | undefined>;

  const settled = (documentId: string, count = 1) =>
    eventually(`${count} settled Zalo deliveries of ${documentId}`, async () => {
      const rows = await deliveriesOf(strapi, { targetDocumentId: documentId, channel: 'zalo' });
      return rows.filter((row) => ['delivered', 'dead', 'skipped'].includes(row.status)).length >= count ? rows : null;
    });

  const storedState = async () =>
    (await strapi.db.query(STATE as never).findOne({ where: { key: 'channel:zalo' } })) as { secret: string | null; value: unknown } | null;

  beforeAll(async () => {
    zalo = await startZaloFake({ ...ZALO_APP, verifyPendingCalls: 1 });
    env = publishingEnv({ ...zaloEnv(zalo.apiBase), ZALO_VERIFY_ATTEMPTS: '3', PUBLISHING_MAX_ATTEMPTS: '5' });
    app = await startTestApp('publishing_zalo', env);
    strapi = app.strapi;
  });

  afterAll(async () => {
    await strapi?.destroy();
    await app?.database.drop();
    await zalo?.close();
  });

  it('publishing a policy refreshes the token, creates the article, verifies it until Zalo gives its id, and stores the id', async () => {
    const documentId = await createPolicy(strapi, { title: 'Chính sách hỗ trợ học sinh dân tộc thiểu số', summary: 'Hỗ trợ tiền ăn và chỗ ở cho học sinh.' });
    await publishPolicy(strapi, documentId);
    const [delivery] = await settled(documentId);

    expect(delivery.status).toBe('delivered');
    const article = zalo.articles.get(delivery.externalId ?? '');
    expect(article).toMatchObject({ title: 'Chính sách hỗ trợ học sinh dân tộc thiểu số', description: 'Hỗ trợ tiền ăn và chỗ ở cho học sinh.', removed: false });
    expect(article?.body[0]).toEqual({ type: 'text', content: 'Hỗ trợ tiền ăn và chỗ ở cho học sinh.' });
    expect(zalo.refreshes).toEqual([{ used: ZALO_APP.refreshToken, issued: expect.any(String) }]);
    expect(zalo.articleCalls('create')).toHaveLength(1);
    // The fake answers "processing" once before giving the id.
    expect(zalo.articleCalls('verify')).toHaveLength(2);
    expect(zalo.articleCalls('create')[0].accessToken).toMatch(/^at_/);
  });

  it('re-publishing updates the same article and unpublishing removes it', async () => {
    const documentId = await createPolicy(strapi, { title: 'Quy định về hỗ trợ nhà ở', summary: 'Bản đầu.' });
    await publishPolicy(strapi, documentId);
    const [created] = await settled(documentId);
    await updatePolicyDraft(strapi, documentId, { summary: 'Bản sửa đổi.' });
    await publishPolicy(strapi, documentId);
    await unpublishPolicy(strapi, documentId);
    const rows = await settled(documentId, 3);

    expect(rows.map((row) => row.status)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(rows.map((row) => row.externalId)).toEqual([created.externalId, created.externalId, created.externalId]);
    const article = zalo.articles.get(created.externalId ?? '');
    expect(article).toMatchObject({ description: 'Bản sửa đổi.', updates: 1, removed: true });
    expect(zalo.articleCalls('update').at(-1)?.body.id).toBe(created.externalId);
    expect(zalo.articleCalls('remove').at(-1)?.body).toEqual({ id: created.externalId });

    // Publishing again after the removal makes a new article, not an update of the removed one.
    await publishPolicy(strapi, documentId);
    const again = await settled(documentId, 4);
    expect(again[3].status).toBe('delivered');
    expect(again[3].externalId).not.toBe(created.externalId);
  });

  it('cuts a description and an agency author longer than Zalo’s limits at a word boundary with an ellipsis instead of failing', async () => {
    const title = 'Nghị quyết quy định chính sách hỗ trợ phát triển kinh tế xã hội vùng đồng bào dân tộc thiểu số';
    const summary = 'Người dân được hỗ trợ vay vốn, đào tạo nghề và chuyển đổi sinh kế bền vững. '.repeat(8).trim();
    const agencyName = 'Ban Dân tộc tỉnh, cơ quan chủ trì soạn thảo và tổ chức thực hiện chính sách';
    const agency = await strapi.documents('api::agency.agency').create({ data: { name: agencyName, code: 'BDT', kind: 'department' } } as never);
    const documentId = await createPolicy(strapi, { title, summary, leadAgency: (agency as { documentId: string }).documentId });
    await publishPolicy(strapi, documentId);
    const [delivery] = await settled(documentId);

    expect(delivery.status).toBe('delivered');
    const article = zalo.articles.get(delivery.externalId ?? '');
    // The title is the editor's own words: sent whole (an oversize one is refused, see publishing-zalo-first-day).
    expect(article?.title).toBe(title);
    for (const [field, limit, source] of [['author', 50, agencyName], ['description', 300, summary]] as const) {
      const value = article?.[field] ?? '';
      expect(Array.from(value).length).toBeLessThanOrEqual(limit);
      expect(value.endsWith('…')).toBe(true);
      // The cut falls between words: what precedes the ellipsis is a whole word of the original.
      const words = value.slice(0, -1).split(/\s+/);
      expect(source.split(/\s+/).map((word) => word.replace(/[,.]$/, ''))).toContain(words.at(-1)?.replace(/[,.]$/, ''));
    }
  });

  it('takes only Vietnamese policies: an English version or a consultation draft is recorded as skipped', async () => {
    const documentId = await createPolicy(strapi, { title: 'Only English', summary: 'English summary.' }, 'en');
    await publishPolicy(strapi, documentId, 'en');
    const [delivery] = await settled(documentId);
    expect(delivery).toMatchObject({ status: 'skipped', attempts: 0, targetLocale: 'en' });
    expect(zalo.articleCalls('create').some((call) => call.body.title === 'Only English')).toBe(false);

    const vietnamese = await createPolicy(strapi, { title: 'Chính sách có dự thảo' });
    const draft = await strapi.documents('api::consultation-draft.consultation-draft').create({
      data: { title: 'Dự thảo không lên Zalo', policy: vietnamese, version: 1, opensAt: '2030-01-01T00:00:00.000Z', closesAt: '2030-02-01T00:00:00.000Z' },
      locale: 'vi',
      status: 'published',
    } as never);
    const [draftDelivery] = await settled((draft as { documentId: string }).documentId);
    expect(draftDelivery).toMatchObject({ status: 'skipped', attempts: 0 });
  });

  it('classifies Zalo replies with error ≠ 0: rate limits and unknown codes are retried, invalid data is dead with the message', async () => {
    zalo.script('/v2.0/article/create', { error: -32, message: 'Exceeded rate limit' }, { error: -9999, message: 'Something unusual' });
    const retried = await createPolicy(strapi, { title: 'Chính sách gặp giới hạn tần suất Zalo' });
    await publishPolicy(strapi, retried);
    const [delivered] = await settled(retried);
    expect(delivered).toMatchObject({ status: 'delivered', attempts: 3 });

    zalo.script('/v2.0/article/create', { error: -201, message: 'Parameters are invalid' });
    const invalid = await createPolicy(strapi, { title: 'Chính sách có dữ liệu Zalo từ chối' });
    await publishPolicy(strapi, invalid);
    const [dead] = await settled(invalid);
    expect(dead).toMatchObject({ status: 'dead', attempts: 1 });
    expect(dead.lastError).toContain('-201');
    expect(dead.lastError).toContain('Parameters are invalid');
  });

  it('a refused access token is refreshed (rotating the refresh token) and the call repeated in the same attempt', async () => {
    const refreshesBefore = zalo.refreshes.length;
    zalo.expireAccessTokens();
    const documentId = await createPolicy(strapi, { title: 'Chính sách sau khi token hết hạn' });
    await publishPolicy(strapi, documentId);
    const [delivery] = await settled(documentId);

    expect(delivery).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(zalo.refreshes).toHaveLength(refreshesBefore + 1);
    const latest = zalo.refreshes.at(-1);
    // The refresh used the token Zalo issued last time, not the one from the environment.
    expect(latest?.used).toBe(zalo.refreshes[refreshesBefore - 1]?.issued);
    expect(zalo.validRefreshTokens.has(ZALO_APP.refreshToken)).toBe(false);

    // Stored encrypted: neither the refresh token nor the access token appears in the row.
    const state = await storedState();
    expect(state?.secret).toMatch(/^v1:/);
    expect(JSON.stringify(state)).not.toContain(latest?.issued ?? '<none>');
    expect(JSON.stringify(state)).not.toContain('at_');
  });

  it('a created article still processing is verified again on the next attempt without creating a second one', async () => {
    const processing = { error: 0, message: 'Processing', data: {} };
    // Three verifications (the whole first attempt) and one more say "processing".
    zalo.script('/v2.0/article/verify', processing, processing, processing, processing);
    const creates = zalo.articleCalls('create').length;
    const documentId = await createPolicy(strapi, { title: 'Chính sách Zalo xử lý chậm' });
    await publishPolicy(strapi, documentId);
    const [delivery] = await settled(documentId);

    expect(delivery).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(zalo.articleCalls('create')).toHaveLength(creates + 1);
    expect(zalo.articles.get(delivery.externalId ?? '')?.title).toBe('Chính sách Zalo xử lý chậm');
  });

  it('keeps the rotated refresh token across a restart, and a newly configured token takes over', async () => {
    await strapi.destroy();
    zalo.expireAccessTokens();
    // Same environment as before: ZALO_REFRESH_TOKEN still holds the first token, which Zalo no longer accepts.
    strapi = await bootStrapi(app.database, env);
    const refreshesBefore = zalo.refreshes.length;
    const documentId = await createPolicy(strapi, { title: 'Chính sách sau khi khởi động lại' });
    await publishPolicy(strapi, documentId);
    const [delivery] = await settled(documentId);
    expect(delivery.status).toBe('delivered');
    expect(zalo.refreshes.slice(refreshesBefore)).toEqual([{ used: zalo.refreshes[refreshesBefore - 1]?.issued, issued: expect.any(String) }]);

    // An operator re-authorises the OA and sets a new ZALO_REFRESH_TOKEN: it replaces the stored chain.
    await strapi.destroy();
    zalo.expireAccessTokens();
    zalo.validRefreshTokens.add('rt_reauthorised_by_operator');
    strapi = await bootStrapi(app.database, { ...env, ZALO_REFRESH_TOKEN: 'rt_reauthorised_by_operator' });
    const next = await createPolicy(strapi, { title: 'Chính sách sau khi cấp lại quyền' });
    await publishPolicy(strapi, next);
    const [afterReauth] = await settled(next);
    expect(afterReauth.status).toBe('delivered');
    expect(zalo.refreshes.at(-1)?.used).toBe('rt_reauthorised_by_operator');
  });

  it('a refresh token Zalo refuses leaves the delivery failed with a message naming the fix, and no secret', async () => {
    zalo.expireAccessTokens();
    zalo.validRefreshTokens.clear();
    const documentId = await createPolicy(strapi, { title: 'Chính sách khi Zalo thu hồi quyền' });
    await publishPolicy(strapi, documentId);
    // Retryable, so "failed" (or "dead" once the few attempts of this test are spent on a slow machine).
    const failed = await eventually('a failed Zalo delivery', async () => {
      const [row] = await deliveriesOf(strapi, { targetDocumentId: documentId, channel: 'zalo' });
      return row && ['failed', 'dead'].includes(row.status) ? row : null;
    });
    expect(failed.attempts).toBeGreaterThanOrEqual(1);
    expect(failed.lastError).toMatch(/refused the refresh token.*ZALO_REFRESH_TOKEN/);
    expect(failed.lastError).not.toMatch(/rt_/);
    // The publish itself was never held back by the channel.
    const published = await strapi.documents(POLICY as never).findOne({ documentId, status: 'published' } as never);
    expect(published).toBeTruthy();
  });
});
