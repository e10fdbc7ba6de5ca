/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { SUPER_ADMIN, SUPER_ADMIN_ENV } from '../helpers/admin';
import { startPortalReceiver, type PortalReceiver } from '../helpers/fakes/portal-receiver';
import { createPolicy, deliveriesOf, eventually, PORTAL_SECRET, portalEnv, publishingEnv, publishPolicy } from '../helpers/publishing';
import { launchBrowser, logIn, screenshot } from './browser';
import { serveApp } from './server';

type Served = Awaited<ReturnType<typeof serveApp>>;
type Browser = Awaited<ReturnType<typeof launchBrowser>>;

const GONE = 'portal answered 410 Gone: it no longer accepts this webhook';
const TITLES = ['Chính sách hỗ trợ giống cây trồng', 'Chính sách hỗ trợ phân bón'];

let served: Served;
let browser: Browser;
let page: Page;
let receiver: PortalReceiver;
let refuse = true;

const definedOnly = (env: Record<string, string | undefined>): Record<string, string> =>
  Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));

beforeAll(async () => {
  receiver = await startPortalReceiver(PORTAL_SECRET);
  receiver.respondWith(() => (refuse ? { status: 410 } : { status: 200 }));
  served = await serveApp('distribution_e2e', {
    ...SUPER_ADMIN_ENV,
    ...definedOnly(publishingEnv(portalEnv(receiver.url))),
    PUBLISHING_HEALTH_FAILING_AFTER: '2',
  });
  for (const title of TITLES) {
    const documentId = await createPolicy(served.strapi, { title });
    await publishPolicy(served.strapi, documentId);
  }
  await eventually('both portal deliveries dead', async () => ((await deliveriesOf(served.strapi, { channel: 'portal', status: 'dead' })).length === 2 ? true : null));
  browser = await launchBrowser();
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
  await receiver?.close();
});

const url = (path: string) => `${served.baseUrl}${path}`;
const card = (channel: string) => page.locator(`[data-channel="${channel}"]`);

describe('the Distribution page tells the truth about each channel', () => {
  it('signs in', () => logIn(browser, served.baseUrl, SUPER_ADMIN));

  it('colours a failing channel red, says why in words, and shows the notice; an unconfigured one is grey', async () => {
    await page.goto(url('/admin/plugins/multichannel-publishing'));
    const notice = page.locator('[data-failing-notice]');
    await notice.waitFor();
    expect(await notice.textContent()).toContain(`Cổng thông tin điện tử`);
    expect(await notice.textContent()).toContain(`2 bài gần nhất đều lỗi: ${GONE}`);

    expect(await card('portal').getAttribute('data-health')).toBe('failing');
    expect(await card('portal').textContent()).toContain('Đang lỗi');
    const reason = card('portal').locator('[data-health-text]');
    expect(await reason.textContent()).toBe(`2 bài gần nhất đều lỗi: ${GONE}`);
    // Red: the reason is written in the danger colour.
    const [red, green, blue] = (await reason.evaluate((element) => getComputedStyle(element).color)).match(/\d+/g)!.map(Number);
    expect(red).toBeGreaterThan(green + 60);
    expect(red).toBeGreaterThan(blue + 60);

    expect(await card('facebook').getAttribute('data-health')).toBe('unconfigured');
    expect(await card('facebook').textContent()).toContain('Chưa cấu hình');
    expect(await card('facebook').textContent()).toContain('thiếu FACEBOOK_PAGE_ID, FACEBOOK_PAGE_TOKEN');
    await screenshot(page, 'distribution-01-failing');
  });

  it('after the cause is fixed, the dead deliveries are selected and retried at once, and the channel turns green', async () => {
    refuse = false;
    for (const title of TITLES) await page.getByRole('checkbox', { name: `Chọn ${title}` }).click();
    const button = page.getByRole('button', { name: 'Gửi lại các bài đã chọn (2)' });
    await button.click();
    await page.getByText('Đã đưa 2 bài vào hàng đợi; 0 bài không gửi lại được').waitFor();

    await eventually('both deliveries delivered', async () => ((await deliveriesOf(served.strapi, { channel: 'portal', status: 'delivered' })).length === 2 ? true : null));
    await page.getByRole('button', { name: 'Làm mới' }).click();
    await page.locator('[data-channel="portal"][data-health="ok"]').waitFor();
    expect(await page.locator('[data-failing-notice]').count()).toBe(0);
    expect(await card('portal').textContent()).toContain('Hoạt động tốt');
    expect(browser.refused()).toEqual([]);
    await screenshot(page, 'distribution-02-recovered');
  });
});
