/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { asAdmin, createAdminUser, SUPER_ADMIN_ENV } from '../helpers/admin';
import { launchBrowser, logIn, screenshot } from './browser';
import { serveApp } from './server';

/**
 * "Thông báo của tôi / My notifications" in Settings, in real Chromium: an editor (no special
 * permission) finds the page, sees every e-mail on, switches the daily overdue digest off; the
 * server holds the change (read back through the API) and the page shows it after a reload.
 */

type Served = Awaited<ReturnType<typeof serveApp>>;
type Browser = Awaited<ReturnType<typeof launchBrowser>>;

const EDITOR = { email: 'bientap.thongbao@e2e.gov.vn', password: 'E2e-Passw0rd!' };

let served: Served;
let browser: Browser;
let page: Page;
let editorToken: string;

beforeAll(async () => {
  served = await serveApp('notify_e2e', SUPER_ADMIN_ENV);
  editorToken = (await createAdminUser(served.strapi, { ...EDITOR, roleCodes: ['approval-workflow-editor'] })).token;
  browser = await launchBrowser();
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

const toggle = (key: string) => page.locator(`input[name="${key}"]`);
/** The switch as a person finds it: by its visible label. */
const labelled = (label: string) => page.getByRole('checkbox', { name: label });
const serverPreferences = async () => {
  const response = await asAdmin(served.strapi, editorToken).get('/notifications/preferences');
  expect(response.status).toBe(200);
  return response.body.data as Record<string, boolean>;
};

describe('my notification preferences in the admin panel', () => {
  it('logs the editor in', () => logIn(browser, served.baseUrl, EDITOR));

  it('reaches the page from Settings and shows every e-mail on', async () => {
    await page.goto(`${served.baseUrl}/admin/settings`);
    await page.getByRole('link', { name: 'Thông báo của tôi' }).click();
    await page.waitForURL((current) => current.pathname === '/admin/settings/my-notifications');
    await page.getByRole('heading', { name: 'Thông báo của tôi' }).waitFor();
    await page.getByText('Tổng hợp góp ý quá hạn hằng ngày').waitFor();
    for (const key of ['reviewRequests', 'reviewOutcomes', 'overdueDigest']) expect(await toggle(key).isChecked()).toBe(true);
    await screenshot(page, 'my-notifications-01');
  });

  it('switches the overdue digest off, saved on the server at once and shown after a reload', async () => {
    await labelled('Tổng hợp góp ý quá hạn hằng ngày').click();
    await page.getByText('Đã lưu.').waitFor();
    expect(await serverPreferences()).toEqual({ reviewRequests: true, reviewOutcomes: true, overdueDigest: false });
    await page.reload();
    await page.getByRole('heading', { name: 'Thông báo của tôi' }).waitFor();
    expect(await toggle('overdueDigest').isChecked()).toBe(false);
    expect(await toggle('reviewRequests').isChecked()).toBe(true);
    expect(browser.refused()).toEqual([]);
  });
});
