/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { SUPER_ADMIN, SUPER_ADMIN_ENV } from '../helpers/admin';
import { createDocument, policyData, publishTrusted } from '../helpers/content';
import { startZaloFake, type ZaloFake } from '../helpers/fakes/zalo-oa';
import { deliveriesOf, eventually, publishingEnv, ZALO_APP, zaloEnv } from '../helpers/publishing';
import { launchBrowser, screenshot } from './browser';
import { serveApp } from './server';

type Served = Awaited<ReturnType<typeof serveApp>>;
type Browser = Awaited<ReturnType<typeof launchBrowser>>;

const POLICY = 'api::policy.policy';
const HOUR = 60 * 60 * 1000;

let served: Served;
let browser: Browser;
let page: Page;
let zalo: ZaloFake;
let policyId: string;

const definedOnly = (env: Record<string, string | undefined>): Record<string, string> =>
  Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));

beforeAll(async () => {
  zalo = await startZaloFake({ ...ZALO_APP, verifyPendingCalls: 0 });
  served = await serveApp('zalo_broadcast_e2e', {
    ...SUPER_ADMIN_ENV,
    ...definedOnly(publishingEnv({ ...zaloEnv(zalo.apiBase), APPROVAL_WORKFLOW_ENABLED: 'true' })),
    ZALO_BROADCAST_RECHECK_MS: '100',
  });
  // Mid-morning in Vietnam (UTC+7), inside the default sending window, whatever time the test runs.
  const wall = new Date(Date.now() + 7 * HOUR);
  const morning = new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate(), 10) - 7 * HOUR);
  (served.strapi.plugin('multichannel-publishing').service('zalo-broadcasts') as { useClock(next: () => Date): void }).useClock(() => morning);
  policyId = (await createDocument(served.strapi, POLICY, policyData({ title: 'Chính sách hỗ trợ học phí cho học sinh vùng cao', summary: 'Miễn học phí cho học sinh.' }))).documentId;
  await publishTrusted(served.strapi, POLICY, policyId);
  await eventually('the Zalo article', async () => (await deliveriesOf(served.strapi, { targetDocumentId: policyId, channel: 'zalo' }))[0]?.status === 'delivered');
  browser = await launchBrowser();
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
  await zalo?.close();
});

const url = (path: string) => `${served.baseUrl}${path}`;

describe('broadcasting a policy to Zalo followers from the admin panel', () => {
  it('logs in', async () => {
    await page.goto(url('/admin/auth/login'));
    await page.locator('input[name="email"]').fill(SUPER_ADMIN.email);
    await page.locator('input[name="password"]').fill(SUPER_ADMIN.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((current) => !current.pathname.startsWith('/admin/auth'));
  });

  it('sends the published policy’s article from its edit view, and shows the month’s budget there', async () => {
    await page.goto(url(`/admin/content-manager/collection-types/${POLICY}/${policyId}?plugins[i18n][locale]=vi`));
    const panel = page.getByTestId('zalo-broadcast-panel');
    await panel.waitFor();
    await panel.getByText('Tháng này: đã dùng 0/4 lượt gửi').waitFor();
    await panel.getByRole('button', { name: 'Gửi tới người quan tâm OA' }).click();
    await page.getByText('Đã xếp hàng gửi').waitFor();
    await panel.getByText('Tháng này: đã dùng 1/4 lượt gửi').waitFor();
    // The panel lists the broadcast it queued (pending or already sent).
    await panel.getByTestId('zalo-broadcast-last').waitFor();
    await eventually('the broadcast at Zalo', () => zalo.broadcasts.length === 1);
    expect(zalo.broadcasts[0].articleId).toBe((await deliveriesOf(served.strapi, { targetDocumentId: policyId, channel: 'zalo' }))[0].externalId);
    await screenshot(page, 'zalo-broadcast-01-panel');

    // A second request for the same publication is refused with the server's reason.
    await panel.getByRole('button', { name: 'Gửi tới người quan tâm OA' }).click();
    await page.getByText('a broadcast of this publication was already asked for').waitFor();
  });

  it('shows the month’s broadcasts on the Distribution page', async () => {
    await page.goto(url('/admin/plugins/multichannel-publishing'));
    const card = page.getByTestId('zalo-broadcast-budget');
    await card.waitFor();
    await card.getByText('Đã dùng 1/4 lượt').waitFor();
    await screenshot(page, 'zalo-broadcast-02-distribution');
  });

  it('sent no request beyond this machine', () => {
    expect(browser.refused()).toEqual([]);
  });
});
