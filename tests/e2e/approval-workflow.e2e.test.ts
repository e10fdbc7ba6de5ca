/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { createAdminUser, SUPER_ADMIN_ENV } from '../helpers/admin';
import { POLICY, ROLE_CODES } from '../helpers/approval-workflow';
import { launchBrowser, logIn as logInAs, screenshot } from './browser';
import { serveApp } from './server';
import { waitFor } from '../helpers/wait';

type Served = Awaited<ReturnType<typeof serveApp>>;
type Browser = Awaited<ReturnType<typeof launchBrowser>>;

let served: Served;
let browser: Browser;
let page: Page;

const PASSWORD = 'E2e-Passw0rd!';
const USERS = {
  editor: { email: 'bientap@e2e.gov.vn', firstname: 'Lan', lastname: 'Nguyễn', role: ROLE_CODES.editor },
  reviewer: { email: 'nguoiduyet@e2e.gov.vn', firstname: 'Minh', lastname: 'Trần', role: ROLE_CODES.reviewer },
  leader: { email: 'lanhdao@e2e.gov.vn', firstname: 'Hùng', lastname: 'Lê', role: ROLE_CODES.leader },
} as const;

const TITLE = 'Nghị quyết hỗ trợ hộ kinh doanh vùng cao 2025';

beforeAll(async () => {
  served = await serveApp('aw_e2e', SUPER_ADMIN_ENV);
  for (const user of Object.values(USERS)) {
    await createAdminUser(served.strapi, { ...user, password: PASSWORD, roleCodes: [user.role] });
  }
  browser = await launchBrowser();
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

const url = (path: string) => `${served.baseUrl}${path}`;
const editUrl = (documentId: string) => url(`/admin/content-manager/collection-types/${POLICY}/${documentId}?plugins[i18n][locale]=vi`);

const logIn = (email: string) => logInAs(browser, served.baseUrl, { email, password: PASSWORD });

const panel = () => page.getByTestId('approval-panel');
const stage = () => panel().getByTestId('approval-stage');
const expectStage = async (expected: string) => {
  await page.waitForFunction(
    (value) => document.querySelector('[data-testid="approval-panel"] [data-testid="approval-stage"]')?.getAttribute('data-stage') === value,
    expected,
  );
};
const pressAction = async (action: string) => {
  await panel().getByTestId(`approval-action-${action}`).click();
};
const toast = (pattern: RegExp) => page.getByText(pattern).first();

const stageInDatabase = async (documentId: string) => {
  const row = (await served.strapi.db
    .query('plugin::approval-workflow.workflow-state' as never)
    .findOne({ where: { targetDocumentId: documentId, targetLocale: 'vi' } })) as { stage: string } | null;
  return row?.stage ?? 'draft';
};
const isPublished = async (documentId: string) =>
  (await served.strapi.db.query(POLICY as never).count({ where: { documentId, publishedAt: { $notNull: true } } })) > 0;

describe('an editor, a reviewer and a leader take a policy through approval in the admin panel', () => {
  let documentId: string;

  it('the editor creates a policy and submits it for approval', async () => {
    await logIn(USERS.editor.email);
    await page.goto(url(`/admin/content-manager/collection-types/${POLICY}/create?plugins[i18n][locale]=vi`));
    await page.locator('input[name="title"]').fill(TITLE);
    await page.locator('textarea[name="summary"]').fill('Hỗ trợ vay vốn ưu đãi và miễn phí đăng ký cho hộ kinh doanh tại các xã vùng cao.');
    await page.getByRole('button', { name: /^(Save|Lưu)$/ }).click();
    await page.waitForURL((current) => /\/api::policy\.policy\/[a-z0-9]{20,}/.test(current.pathname));
    documentId = new URL(page.url()).pathname.split('/').pop() as string;

    await expectStage('draft');
    await screenshot(page, '01-editor-draft-panel');
    await pressAction('submit');
    await expectStage('in-review');
    expect(await stageInDatabase(documentId)).toBe('in-review');
    await screenshot(page, '02-editor-submitted');
  });

  it('gives the editor no Publish button to press (no publish permission)', async () => {
    await expect(page.getByRole('button', { name: /^(Publish|Xuất bản)$/ }).isDisabled()).resolves.toBe(true);
  });

  it('a reviewer takes the reviewer step (1 of 2), after which the panel names the leader step', async () => {
    await logIn(USERS.reviewer.email);
    await page.goto(url('/admin/plugins/approval-workflow'));
    await page.getByRole('link', { name: TITLE }).waitFor();
    expect(await page.locator('tr', { hasText: TITLE }).getByTestId('approvals-next-step').textContent()).toContain('Người duyệt');
    await screenshot(page, '03-reviewer-inbox');
    await page.getByRole('link', { name: TITLE }).click();
    await expectStage('in-review');
    expect(await panel().getByTestId('approval-next-step').getAttribute('data-step')).toBe('reviewer');
    await pressAction('approve');
    await page.waitForFunction(() => /1\s*\/\s*2|1 of 2/.test(document.querySelector('[data-testid="approval-count"]')?.textContent ?? ''));
    await expectStage('in-review');
    await page.waitForFunction(() => document.querySelector('[data-testid="approval-next-step"]')?.getAttribute('data-step') === 'leader');
    expect(await panel().getByTestId('approval-next-step').textContent()).toContain('Lãnh đạo');
    expect(await panel().getByTestId('approval-step-0').getAttribute('data-done')).toBe('true');
    await screenshot(page, '04-reviewer-approved');
  });

  it('refuses the leader’s Publish button while one approval is missing, naming the stage', async () => {
    await logIn(USERS.leader.email);
    await page.goto(editUrl(documentId));
    await expectStage('in-review');
    await page.getByRole('button', { name: /^(Publish|Xuất bản)$/ }).click();
    await toast(/needs approval before it can be published.*"in-review"/).waitFor();
    await screenshot(page, '05-publish-refused');
    expect(await isPublished(documentId)).toBe(false);
    expect(await stage().getAttribute('data-stage')).toBe('in-review');
  });

  it('the leader takes the leader step (2 of 2) and publishes', async () => {
    await page.goto(editUrl(documentId));
    await expectStage('in-review');
    await pressAction('approve');
    await expectStage('approved');
    await screenshot(page, '07-leader-approved');
    await page.getByRole('button', { name: /^(Publish|Xuất bản)$/ }).click();
    await waitFor(() => isPublished(documentId), { timeoutMs: 30_000, what: 'the document published' });
    await page.waitForFunction(() => document.querySelector('[data-testid="approval-history"]')?.textContent?.match(/published|đã xuất bản/));
    await screenshot(page, '08-leader-published');
  });

  it('an edit by the editor voids the approval', async () => {
    await logIn(USERS.editor.email);
    await page.goto(editUrl(documentId));
    await expectStage('approved');
    await page.locator('input[name="title"]').fill(`${TITLE} (sửa đổi)`);
    await page.getByRole('button', { name: /^(Save|Lưu)$/ }).click();
    await expectStage('draft');
    await page.waitForFunction(() => document.querySelector('[data-testid="approval-history"]')?.textContent?.match(/Approval voided by an edit|Phê duyệt bị hủy do .* chỉnh sửa/));
    expect(await stageInDatabase(documentId)).toBe('draft');
    await screenshot(page, '09-edit-voided-approval');
  });
});

describe('the browser', () => {
  it('sent no request beyond this machine', () => {
    expect(browser.refused()).toEqual([]);
  });
});
