import sharp from 'sharp';
import { asAdmin, loginAdmin, SUPER_ADMIN, SUPER_ADMIN_ENV } from '../helpers/admin';
import { startZaloFake, type ZaloFake } from '../helpers/fakes/zalo-oa';
import { startPublicOrigin } from '../helpers/public-origin';
import { createPolicy, deliveriesOf, eventsOf, eventually, publishingEnv, publishPolicy, ZALO_APP } from '../helpers/publishing';
import { restartTestApp, startTestApp, type TestApp } from '../helpers/strapi';

const BASE = '/multichannel-publishing';
const COVER_NAME = 'zalo-default-cover.jpg';

type ChannelView = { name: string; enabled: boolean; configComplete: boolean; missing: string[] };

/**
 * A new operator's first day: only the Zalo credentials of .env.example (no ZALO_COVER_URL), then
 * PUBLIC_URL. The fake OA downloads each cover from the URL it is given, as Zalo does.
 */
describe('Zalo on the first day (only credentials set)', () => {
  let app: TestApp;
  let zalo: ZaloFake;
  let origin: Awaited<ReturnType<typeof startPublicOrigin>>;

  const credentials = () => ({
    ZALO_API_BASE: zalo.apiBase,
    ZALO_OAUTH_BASE: zalo.oauthBase,
    ZALO_APP_ID: ZALO_APP.appId,
    ZALO_SECRET_KEY: ZALO_APP.secretKey,
    ZALO_REFRESH_TOKEN: ZALO_APP.refreshToken,
    ZALO_VERIFY_ATTEMPTS: '2',
    PUBLISHING_MAX_ATTEMPTS: '4',
  });

  const admin = async () => asAdmin(app.strapi, await loginAdmin(app.strapi, SUPER_ADMIN.email, SUPER_ADMIN.password));
  const zaloChannel = async (): Promise<ChannelView> => {
    const response = await (await admin()).get(`${BASE}/channels`);
    expect(response.status).toBe(200);
    return (response.body.data as ChannelView[]).find((channel) => channel.name === 'zalo') as ChannelView;
  };
  const defaultCovers = async () =>
    (await app.strapi.db.query('plugin::upload.file').findMany({ where: { name: COVER_NAME } })) as Array<{ id: number; url: string; width: number; height: number; mime: string; size: number }>;
  const settled = (documentId: string) =>
    eventually(`a settled Zalo delivery of ${documentId}`, async () => {
      const [row] = await deliveriesOf(app.strapi, { targetDocumentId: documentId, channel: 'zalo' });
      return row && ['delivered', 'dead', 'skipped'].includes(row.status) ? row : null;
    });

  beforeAll(async () => {
    zalo = await startZaloFake({ ...ZALO_APP, verifyPendingCalls: 0, downloadCovers: true });
    origin = await startPublicOrigin();
    app = await startTestApp('publishing_zalo_first_day', { ...SUPER_ADMIN_ENV, ...publishingEnv(credentials()) });
    origin.serve(app.strapi);
  });

  afterAll(async () => {
    await app?.stop();
    await zalo?.close();
    await origin?.close();
  });

  it('creates the default cover at boot, and without PUBLIC_URL reports Zalo incomplete instead of letting it fail', async () => {
    const [cover, ...others] = await defaultCovers();
    expect(others).toHaveLength(0);
    expect(cover).toMatchObject({ mime: 'image/jpeg', width: 1280, height: 720, url: expect.stringMatching(/^\/uploads\/.+\.jpg$/) });
    // Strapi stores the size in KB: well under Zalo's 1 MB.
    expect(cover.size).toBeLessThan(500);

    expect(await zaloChannel()).toMatchObject({ enabled: true, configComplete: false, missing: ['PUBLIC_URL'] });
    const documentId = await createPolicy(app.strapi, { title: 'Chính sách trước khi có PUBLIC_URL' });
    await publishPolicy(app.strapi, documentId);
    // The event and its deliveries are written in the publish's transaction: no Zalo delivery is queued to die.
    expect(await eventsOf(app.strapi, { targetDocumentId: documentId })).toHaveLength(1);
    expect(await deliveriesOf(app.strapi, { targetDocumentId: documentId, channel: 'zalo' })).toEqual([]);
  });

  it('with PUBLIC_URL the first article is delivered with the default cover, an absolute URL that serves the JPEG', async () => {
    app = await restartTestApp(app, { ...SUPER_ADMIN_ENV, ...publishingEnv({ ...credentials(), PUBLIC_URL: origin.url }) });
    origin.serve(app.strapi);
    expect(await zaloChannel()).toMatchObject({ enabled: true, configComplete: true, missing: [] });
    // The restart found the cover: still one.
    const [cover, ...others] = await defaultCovers();
    expect(others).toHaveLength(0);

    const documentId = await createPolicy(app.strapi, { title: 'Chính sách đầu tiên lên Zalo', summary: 'Không có ảnh đính kèm.' });
    await publishPolicy(app.strapi, documentId);
    const delivery = await settled(documentId);

    expect(delivery).toMatchObject({ status: 'delivered', attempts: 1 });
    const article = zalo.articles.get(delivery.externalId ?? '');
    expect(article?.cover.photo_url).toBe(`${origin.url}${cover.url}`);
    const download = zalo.coverDownloads.at(-1);
    expect(download).toMatchObject({ url: `${origin.url}${cover.url}`, status: 200, contentType: 'image/jpeg' });
    const metadata = await sharp(download?.bytes).metadata();
    expect(metadata).toMatchObject({ format: 'jpeg', width: 1280, height: 720 });
    expect(download?.bytes.length).toBeLessThan(1024 * 1024);
  });

  it('a deleted default cover is generated again for the next article', async () => {
    const [cover] = await defaultCovers();
    await app.strapi.plugin('upload').service('upload').remove(cover);
    const documentId = await createPolicy(app.strapi, { title: 'Chính sách sau khi xoá ảnh bìa' });
    await publishPolicy(app.strapi, documentId);
    const delivery = await settled(documentId);

    expect(delivery.status).toBe('delivered');
    const [again, ...others] = await defaultCovers();
    expect(others).toHaveLength(0);
    expect(again.id).not.toBe(cover.id);
    expect(zalo.articles.get(delivery.externalId ?? '')?.cover.photo_url).toBe(`${origin.url}${again.url}`);
  });

  it('an administrator replaces the default cover in the media library ("Replace media"), and the next article uses the new picture', async () => {
    const [cover] = await defaultCovers();
    const replacement = await sharp({ create: { width: 1280, height: 720, channels: 3, background: '#a31515' } }).jpeg().toBuffer();
    const replaced = await (await admin()).post(`/upload?id=${cover.id}`).attach('files', replacement, { filename: 'bia-moi.jpg', contentType: 'image/jpeg' });
    expect(replaced.status).toBe(200);

    const documentId = await createPolicy(app.strapi, { title: 'Chính sách sau khi thay ảnh bìa' });
    await publishPolicy(app.strapi, documentId);
    const delivery = await settled(documentId);
    expect(delivery.status).toBe('delivered');
    // Replacing keeps the file's id (the name may become the new file's): the plugin finds it by id.
    const current = (await app.strapi.db.query('plugin::upload.file').findOne({ where: { id: cover.id } })) as { url: string };
    const download = zalo.coverDownloads.at(-1);
    expect(download?.url).toBe(`${origin.url}${current.url}`);
    // The picture Zalo got is the administrator's (a plain red one), not the generated cover.
    const { dominant } = await sharp(download?.bytes).stats();
    expect(dominant.r).toBeGreaterThan(120);
    expect(dominant.b).toBeLessThan(60);
  });

  it('"article is being processed" (-214) is verified again on the next attempt, not dead', async () => {
    const processing = { error: -214, message: 'Article is being processed' };
    // Both verifications of the first attempt answer -214; the second attempt gets the id.
    zalo.script('/v2.0/article/verify', processing, processing);
    const creates = zalo.articleCalls('create').length;
    const documentId = await createPolicy(app.strapi, { title: 'Chính sách Zalo đang xử lý' });
    await publishPolicy(app.strapi, documentId);
    const delivery = await settled(documentId);

    expect(delivery).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(zalo.articleCalls('create')).toHaveLength(creates + 1);
    expect(zalo.articles.get(delivery.externalId ?? '')?.title).toBe('Chính sách Zalo đang xử lý');
  });

  it('a content refusal (-248) is dead at once, with Zalo’s message shown to the editor', async () => {
    zalo.script('/v2.0/article/create', { error: -248, message: 'Nội dung vi phạm tiêu chuẩn nền tảng Zalo' });
    const documentId = await createPolicy(app.strapi, { title: 'Chính sách bị Zalo từ chối nội dung' });
    await publishPolicy(app.strapi, documentId);
    const delivery = await settled(documentId);
    expect(delivery).toMatchObject({ status: 'dead', attempts: 1 });

    // What the editor reads (deliveries panel, Distribution page).
    const response = await (await admin()).get(`${BASE}/deliveries?documentId=${documentId}&channel=zalo`);
    expect(response.status).toBe(200);
    expect(response.body.data[0].lastError).toContain('-248');
    expect(response.body.data[0].lastError).toContain('Nội dung vi phạm tiêu chuẩn nền tảng Zalo');
  });

  it('a title over Zalo’s 150 characters is a clear error without a call to Zalo; NFD text is counted and sent as NFC', async () => {
    const creates = zalo.articleCalls('create').length;
    const long = `Nghị quyết quy định chính sách hỗ trợ phát triển kinh tế xã hội vùng đồng bào dân tộc thiểu số và miền núi trên địa bàn tỉnh giai đoạn 2026 đến 2030 và các năm tiếp theo`;
    expect(Array.from(long).length).toBeGreaterThan(150);
    const tooLong = await createPolicy(app.strapi, { title: long });
    await publishPolicy(app.strapi, tooLong);
    const dead = await settled(tooLong);
    expect(dead).toMatchObject({ status: 'dead', attempts: 1 });
    expect(dead.lastError).toMatch(/title is \d+ characters and Zalo allows at most 150: shorten the title/);
    expect(zalo.articleCalls('create')).toHaveLength(creates);

    // 146 letters in NFC, 170 code points decomposed (NFD): it fits, and Zalo gets NFC.
    const fits = `${'Chính sách hỗ trợ người dân tộc thiểu số ở vùng cao '.repeat(3)}`.slice(0, 146).trim();
    const decomposed = fits.normalize('NFD');
    expect(Array.from(decomposed).length).toBeGreaterThan(150);
    const documentId = await createPolicy(app.strapi, { title: decomposed });
    await publishPolicy(app.strapi, documentId);
    const delivered = await settled(documentId);
    expect(delivered.status).toBe('delivered');
    expect(zalo.articles.get(delivered.externalId ?? '')?.title).toBe(fits.normalize('NFC'));
  });
});
