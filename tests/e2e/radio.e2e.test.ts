/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { SUPER_ADMIN, SUPER_ADMIN_ENV } from '../helpers/admin';
import { createDocument, policyData, publishTrusted } from '../helpers/content';
import { afterRadioReacts } from '../helpers/radio';
import { launchBrowser, screenshot } from './browser';
import { serveApp } from './server';

type Served = Awaited<ReturnType<typeof serveApp>>;
type Browser = Awaited<ReturnType<typeof launchBrowser>>;

const POLICY = 'api::policy.policy';
const SCRIPT = 'api::radio-script.radio-script';

let served: Served;
let browser: Browser;
let page: Page;
let policyId: string;
let scriptId: string;

beforeAll(async () => {
  served = await serveApp('radio_e2e', { ...SUPER_ADMIN_ENV, RADIO_AUDIO_POLL_MS: '200' });
  policyId = (await createDocument(served.strapi, POLICY, policyData({ title: 'Chính sách hỗ trợ nhà ở cho hộ nghèo', summary: 'Hộ nghèo được hỗ trợ 60.000.000 đồng để xây nhà.' }))).documentId;
  await afterRadioReacts(served.strapi, { event: 'entry.publish', uid: POLICY, documentId: policyId }, () => publishTrusted(served.strapi, POLICY, policyId));
  scriptId = await waitForGeneratedScript(policyId);
  browser = await launchBrowser();
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

async function waitForGeneratedScript(documentId: string): Promise<string> {
  const row = (await served.strapi.db.query(SCRIPT as never).findOne({ where: { policy: { documentId } } })) as { documentId: string } | null;
  if (!row) throw new Error('no radio script was generated');
  return row.documentId;
}

const url = (path: string) => `${served.baseUrl}${path}`;
const secondsShown = async () => Number(await page.getByTestId('radio-duration').getAttribute('data-seconds'));

describe('the admin panel for radio scripts', () => {
  it('opens in Vietnamese for a browser that never chose a language', async () => {
    await page.goto(url('/admin/auth/login'));
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    expect(await page.evaluate(() => window.localStorage.getItem('strapi-admin-language'))).toBe('vi');
    await page.locator('input[name="email"]').fill(SUPER_ADMIN.email);
    await page.locator('input[name="password"]').fill(SUPER_ADMIN.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((current) => !current.pathname.startsWith('/admin/auth'));
  });

  it('recomputes the estimated duration live as the editor types', async () => {
    await page.goto(url(`/admin/content-manager/collection-types/${SCRIPT}/${scriptId}`));
    await page.getByTestId('radio-script-panel').waitFor();
    const before = await secondsShown();
    expect(before).toBeGreaterThan(10);
    const words = Array.from({ length: 160 }, () => 'dân').join(' ');
    await page.locator('textarea[name="script"]').fill(words);
    await page.waitForFunction(() => document.querySelector('[data-testid="radio-duration"]')?.getAttribute('data-seconds') === '60');
    await screenshot(page, 'radio-01-live-duration');
    await page.getByRole('button', { name: /^(Save|Lưu)$/ }).click();
    await page.waitForFunction(() => !document.body.textContent?.includes('hãy lưu trước khi tạo âm thanh'));
  });

  it('renders the audio on demand and plays it in the panel', async () => {
    await page.getByTestId('radio-render-audio').click();
    await page.getByTestId('radio-audio-player').waitFor({ timeout: 60000 });
    expect(await page.getByTestId('radio-audio-status').getAttribute('data-status')).toBe('ready');
    const src = await page.getByTestId('radio-audio-player').getAttribute('src');
    expect(src).toMatch(/^\/uploads\/.+\.ogg$/);
    const response = await page.request.get(url(src as string));
    expect(response.status()).toBe(200);
    expect((await response.body()).subarray(0, 4).toString('ascii')).toBe('OggS');
    await screenshot(page, 'radio-02-audio-ready');
  });

  it('lists the policy’s radio scripts by language in the policy edit view', async () => {
    await page.goto(url(`/admin/content-manager/collection-types/${POLICY}/${policyId}?plugins[i18n][locale]=vi`));
    const panel = page.getByTestId('policy-radio-panel');
    await panel.waitFor();
    await panel.getByText('Tiếng Việt').waitFor();
    // The panel refetches once the edit view has the document: wait for the list it settles on, not its first paint.
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="policy-radio-panel"] [data-testid="policy-radio-script"]').length > 0);
    expect(await panel.getByTestId('policy-radio-script').count()).toBe(1);
    await screenshot(page, 'radio-03-policy-panel');
  });
});

describe('the browser', () => {
  it('refuses and records a request to another host', async () => {
    const other = await launchBrowser();
    try {
      await expect(other.page.goto('http://192.0.2.1/admin')).rejects.toThrow(/ERR_BLOCKED_BY_CLIENT/);
      expect(other.refused()).toEqual(['http://192.0.2.1/admin']);
    } finally {
      await other.close();
    }
  });

  it('sent no request beyond this machine', () => {
    expect(browser.refused()).toEqual([]);
  });
});
