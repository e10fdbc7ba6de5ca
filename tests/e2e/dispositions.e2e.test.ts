/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { createAdminUser, SUPER_ADMIN_ENV } from '../helpers/admin';
import { consultationDraftData, createDocument, policyData } from '../helpers/content';
import { intakeBody, storedFeedback, UNLIMITED_RATE_ENV } from '../helpers/feedback';
import { launchBrowser, logIn, screenshot } from './browser';
import { serveApp } from './server';

/**
 * The "Tiếp thu, giải trình / Dispositions" panel of a closed consultation draft, in real Chromium:
 * an editor who may moderate sees what is left to decide, picks several feedback items in the bulk
 * screen (duplicates shown once with their count, no personal data), is told that "Không tiếp thu"
 * needs an explanation before anything is sent, adds it, and the counts follow; the rows are checked
 * in the database.
 */

type Served = Awaited<ReturnType<typeof serveApp>>;
type Browser = Awaited<ReturnType<typeof launchBrowser>>;

const POLICY = 'api::policy.policy';
const DRAFT = 'api::consultation-draft.consultation-draft';
const DAY = 86_400_000;
const EDITOR = { email: 'bientap.tiepthu@e2e.gov.vn', password: 'E2e-Passw0rd!', role: 'approval-workflow-editor' };
const CONTENT = {
  fees: 'Đề nghị miễn học phí cho học sinh vùng đặc biệt khó khăn.',
  feesAgain: '  đề nghị MIỄN học phí cho học sinh vùng đặc biệt khó khăn. ',
  roads: 'Đề nghị ưu tiên vốn làm đường vào các thôn chưa có đường ô tô.',
  clinics: 'Đề nghị bổ sung bác sĩ cho trạm y tế xã.',
};
const EXPLANATION = 'Ngân sách tỉnh chưa cân đối được; sẽ xem xét ở giai đoạn sau.';

let served: Served;
let browser: Browser;
let page: Page;
let draft: string;
const feedback: Record<keyof typeof CONTENT, string> = { fees: '', feesAgain: '', roads: '', clinics: '' };
/** Bulk disposition requests the browser sent. */
const bulkRequests: string[] = [];

const url = (path: string) => `${served.baseUrl}${path}`;

/** Submits a feedback through the public intake, as a citizen with a name, e-mail and phone. */
const submit = async (content: string, n: number) => {
  const response = await fetch(url('/api/feedbacks'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(intakeBody({ consultationDraft: draft }, { content, email: `nguoi.dan.${n}@example.vn`, fullName: `Người Dân Số ${n}`, phone: `091234567${n}` })),
  });
  expect(response.status).toBe(201);
  const { data } = (await response.json()) as { data: { trackingCode: string } };
  return (await storedFeedback(served.strapi, { trackingCode: data.trackingCode }))[0].documentId;
};

beforeAll(async () => {
  served = await serveApp('dispositions_e2e', { ...SUPER_ADMIN_ENV, ...UNLIMITED_RATE_ENV });
  const { strapi } = served;
  const policy = (await createDocument(strapi, POLICY, policyData(), { publish: true })).documentId;
  draft = (await createDocument(strapi, DRAFT, consultationDraftData(policy, { title: 'Dự thảo Nghị quyết hỗ trợ giáo dục vùng cao' }), { publish: true })).documentId;
  let n = 0;
  for (const key of Object.keys(CONTENT) as Array<keyof typeof CONTENT>) {
    n += 1;
    feedback[key] = await submit(CONTENT[key], n);
  }
  // The consultation closes (written behind the rules: a draft closes by the passing of time).
  await strapi.db.query(DRAFT).updateMany({ where: { documentId: draft }, data: { opensAt: new Date(Date.now() - 30 * DAY), closesAt: new Date(Date.now() - DAY) } });
  await createAdminUser(strapi, { email: EDITOR.email, password: EDITOR.password, firstname: 'Mai', lastname: 'Trần', roleCodes: [EDITOR.role] });
  browser = await launchBrowser({ timeoutMs: 60_000 });
  page = browser.page;
  page.on('request', (request) => {
    if (request.method() === 'PUT' && request.url().includes(`/consultation-drafts/${draft}/dispositions`)) bulkRequests.push(request.url());
  });
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

const panel = () => page.getByTestId('dispositions-panel');
const modal = () => page.getByTestId('dispositions-bulk');
const attribute = async (testId: string, name: string) => page.getByTestId(testId).getAttribute(name);
const countOf = async (disposition: string) => Number(await panel().locator(`[data-testid="dispositions-count"][data-disposition="${disposition}"]`).getAttribute('data-count'));
const checkbox = (documentId: string) => modal().locator(`[role="checkbox"][data-document-id="${documentId}"]`);
const stored = async (documentId: string) => (await storedFeedback(served.strapi, { documentId }))[0];

describe('dispositions of a closed consultation in the admin panel', () => {
  it('logs the editor in', () => logIn(browser, served.baseUrl, EDITOR));

  it('shows, highlighted, how many feedback items still have no disposition', async () => {
    await page.goto(url(`/admin/content-manager/collection-types/${DRAFT}/${draft}?plugins[i18n][locale]=vi`));
    await panel().waitFor();
    expect(await attribute('dispositions-total', 'data-count')).toBe('4');
    expect(await attribute('dispositions-without', 'data-count')).toBe('4');
    expect(await attribute('dispositions-without', 'data-highlighted')).toBe('true');
    await panel().getByText('4 ý kiến chưa có kết quả tiếp thu').waitFor();
    expect(await countOf('not-accepted')).toBe(0);
    await panel().getByText('Tải báo cáo (.docx)').waitFor();
    await panel().getByText('Tải báo cáo (.csv)').waitFor();
    await screenshot(page, 'dispositions-01-panel');
  });

  it('lists the feedback in the bulk screen, duplicates once with their count, without anyone’s name, e-mail or phone', async () => {
    await page.getByTestId('dispositions-open-bulk').click();
    await modal().waitFor();
    await modal().locator('[data-testid="dispositions-item"]').first().waitFor();
    expect(await modal().locator('[data-testid="dispositions-item"]').count()).toBe(3);
    expect(await modal().locator(`[data-testid="dispositions-item"][data-document-id="${feedback.fees}"]`).getAttribute('data-size')).toBe('2');
    await modal().getByText('2 ý kiến giống nhau').waitFor();
    const text = (await modal().textContent()) ?? '';
    for (const personal of ['Người Dân Số', '@example.vn', '09123456']) expect(text).not.toContain(personal);
    expect(text).toContain('Người dân');
  });

  it('says an explanation is needed for "Không tiếp thu" before sending anything', async () => {
    await checkbox(feedback.fees).click();
    await checkbox(feedback.roads).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="dispositions-selected"]')?.getAttribute('data-count') === '2');
    await modal().getByRole('combobox', { name: 'Kết quả tiếp thu' }).click();
    await page.getByRole('option', { name: 'Không tiếp thu' }).click();
    await page.getByTestId('dispositions-apply').click();
    await modal().getByText('Cần nhập giải trình khi chọn "Không tiếp thu".').waitFor();
    await screenshot(page, 'dispositions-02-explanation-required');
    expect(bulkRequests).toEqual([]);
    expect((await stored(feedback.fees)).disposition).toBeNull();
  });

  it('shows the server’s message when it still refuses', async () => {
    await page.getByTestId('dispositions-explanation').fill('x'.repeat(20_001));
    await page.getByTestId('dispositions-apply').click();
    await page.getByTestId('dispositions-server-error').waitFor();
    expect(await page.getByTestId('dispositions-server-error').textContent()).toContain('20000');
    expect(bulkRequests).toHaveLength(1);
    expect((await stored(feedback.fees)).disposition).toBeNull();
  });

  it('applies the disposition with its explanation to the selection and its duplicates, and the counts follow', async () => {
    await page.getByTestId('dispositions-explanation').fill(EXPLANATION);
    await page.getByTestId('dispositions-provision').fill('Điều 3, khoản 1');
    await page.getByTestId('dispositions-apply').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="dispositions-without"]')?.getAttribute('data-count') === '1');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="dispositions-count"][data-disposition="not-accepted"]')?.getAttribute('data-count') === '3',
    );
    await modal().locator(`[data-testid="dispositions-item"][data-document-id="${feedback.roads}"] [data-disposition="not-accepted"]`).waitFor();
    expect(bulkRequests).toHaveLength(2);
    await screenshot(page, 'dispositions-03-applied');

    for (const key of ['fees', 'feesAgain', 'roads'] as const) {
      const row = await stored(feedback[key]);
      expect(row).toMatchObject({ disposition: 'not-accepted', explanation: EXPLANATION, provision: 'Điều 3, khoản 1' });
      expect(row.dispositionBy).toEqual(expect.any(String));
      expect(row.dispositionAt).not.toBeNull();
    }
    expect(await stored(feedback.clinics)).toMatchObject({ disposition: null, explanation: null });
  });

  it('shows the remaining work in the panel once the bulk screen is closed', async () => {
    await page.keyboard.press('Escape');
    await modal().waitFor({ state: 'detached' });
    await panel().getByText('1 ý kiến chưa có kết quả tiếp thu').waitFor();
    expect(await countOf('not-accepted')).toBe(3);
    expect(await attribute('dispositions-total', 'data-count')).toBe('4');
  });

  it('downloads the report as a Word document and as CSV, with the dispositions just decided and no one’s name, e-mail or phone', async () => {
    const [docx] = await Promise.all([page.waitForEvent('download'), panel().getByTestId('dispositions-report-docx').click()]);
    expect(docx.suggestedFilename()).toBe(`bao-cao-tiep-thu-giai-trinh-${draft}.docx`);
    const zip = await JSZip.loadAsync(await readFile(await docx.path()));
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('Dự thảo Nghị quyết hỗ trợ giáo dục vùng cao');
    expect(text).toContain('Không tiếp thu');
    expect(text).toContain(EXPLANATION);

    const [csv] = await Promise.all([page.waitForEvent('download'), panel().getByTestId('dispositions-report-csv').click()]);
    expect(csv.suggestedFilename()).toBe(`bao-cao-tiep-thu-giai-trinh-${draft}.csv`);
    const bytes = await readFile(await csv.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const table = bytes.toString('utf8');
    expect(table).toContain(EXPLANATION);
    expect(table).toContain(CONTENT.clinics);
    for (const personal of ['Người Dân Số', '@example.vn', '09123456']) {
      expect(text).not.toContain(personal);
      expect(table).not.toContain(personal);
    }
  });

  it('sent no request beyond this machine', () => {
    expect(browser.refused()).toEqual([]);
  });
});
