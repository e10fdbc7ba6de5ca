/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { asAdmin, createAdminUser, loginAdmin, SUPER_ADMIN, SUPER_ADMIN_ENV } from '../helpers/admin';
import { AGENCY_UID, createAgency, SCOPED_ENV } from '../helpers/agencies';
import { createDocument, policyData } from '../helpers/content';
import { FEEDBACK_UID, intakeBody, storedFeedback } from '../helpers/feedback';
import { launchBrowser, logIn as logInAs, screenshot } from './browser';
import { serveApp } from './server';

type Served = Awaited<ReturnType<typeof serveApp>>;
type Browser = Awaited<ReturnType<typeof launchBrowser>>;

const POLICY = 'api::policy.policy';
const EDITOR = { email: 'bientap.soa@e2e.gov.vn', password: 'E2e-Passw0rd!', firstname: 'Lan', lastname: 'Nguyễn', role: 'approval-workflow-editor' };
const CONTENT = {
  a: 'Đề nghị Sở A mở thêm lớp học nghề cho thanh niên xã Bản Khoang.',
  b: 'Đề nghị Sở B sửa đường liên thôn Tả Phìn trước mùa mưa.',
};

let served: Served;
let browser: Browser;
let page: Page;
let superAdmin: ReturnType<typeof asAdmin>;
let editorId: number;
const agencies: Record<'a' | 'b', string> = { a: '', b: '' };
const feedback: Record<'a' | 'b', { documentId: string; trackingCode: string }> = {
  a: { documentId: '', trackingCode: '' },
  b: { documentId: '', trackingCode: '' },
};

const url = (path: string) => `${served.baseUrl}${path}`;
const agencyEditUrl = (documentId: string) => url(`/admin/content-manager/collection-types/${AGENCY_UID}/${documentId}?plugins[i18n][locale]=vi`);
const feedbackUrl = (documentId = '') => url(`/admin/content-manager/collection-types/${FEEDBACK_UID}${documentId ? `/${documentId}` : ''}`);

/** A citizen's feedback on the policy through the public intake, then answered by `agency`. */
const answeredFeedback = async (policy: string, agency: string, content: string, email: string) => {
  const response = await fetch(url('/api/feedbacks'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(intakeBody({ policy }, { content, email })),
  });
  expect(response.status).toBe(201);
  const { data } = (await response.json()) as { data: { trackingCode: string } };
  const [row] = await storedFeedback(served.strapi, { trackingCode: data.trackingCode });
  const documents = served.strapi.documents(FEEDBACK_UID as never);
  const respondingAgency = { connect: [{ documentId: agency, locale: 'vi' }] };
  await documents.update({ documentId: row.documentId, data: { moderationStatus: 'assigned', respondingAgency } } as never);
  await documents.update({ documentId: row.documentId, data: { moderationStatus: 'answered', response: 'Đơn vị đã tiếp thu và trả lời.' } } as never);
  return { documentId: row.documentId, trackingCode: data.trackingCode };
};

/**
 * The feedback list shows the tracking code and the content (what an administrator sets in
 * "Configure the view"), so the test can read which feedback each row is.
 */
const showTrackingCodeInList = async () => {
  const contentTypes = served.strapi.plugin('content-manager').service('content-types');
  const contentType = served.strapi.contentTypes[FEEDBACK_UID as keyof typeof served.strapi.contentTypes];
  const configuration = (await contentTypes.findConfiguration(contentType)) as { settings: unknown; metadatas: unknown; layouts: Record<string, unknown> };
  await contentTypes.updateConfiguration(contentType, {
    settings: configuration.settings,
    metadatas: configuration.metadatas,
    layouts: { ...configuration.layouts, list: ['id', 'trackingCode', 'content', 'moderationStatus'] },
  });
};

const memberIds = async (agency: string) => {
  const response = await superAdmin.get(`/agency-access/agencies/${agency}/members`);
  expect(response.status).toBe(200);
  return (response.body.data.members as Array<{ id: number }>).map((member) => member.id);
};

beforeAll(async () => {
  served = await serveApp('agency_e2e', { ...SUPER_ADMIN_ENV, ...SCOPED_ENV });
  const { strapi } = served;
  superAdmin = asAdmin(strapi, await loginAdmin(strapi, SUPER_ADMIN.email, SUPER_ADMIN.password));
  agencies.a = await createAgency(strapi, 'SO-A');
  agencies.b = await createAgency(strapi, 'SO-B');
  const policy = (await createDocument(strapi, POLICY, policyData(), { publish: true })).documentId;
  feedback.a = await answeredFeedback(policy, agencies.a, CONTENT.a, 'nguoi.dan.a@example.vn');
  feedback.b = await answeredFeedback(policy, agencies.b, CONTENT.b, 'nguoi.dan.b@example.vn');
  await showTrackingCodeInList();
  // An editor of agency A, not yet a member: the super admin adds them in the browser.
  editorId = (await createAdminUser(strapi, { ...EDITOR, roleCodes: [EDITOR.role] })).id;
  browser = await launchBrowser({ timeoutMs: 60_000 });
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

const logIn = (email: string, password: string) => logInAs(browser, served.baseUrl, { email, password });

const panel = () => page.getByTestId('agency-members-panel');
const memberItem = (email: string) => panel().locator(`[data-testid="agency-member"][data-email="${email}"]`);

describe('the super admin manages an agency’s members on its edit view', () => {
  it('adds the editor through the Members panel, and the membership holds after a reload', async () => {
    await logIn(SUPER_ADMIN.email, SUPER_ADMIN.password);
    await page.goto(agencyEditUrl(agencies.a));
    await panel().waitFor();
    await page.getByText('Thành viên', { exact: true }).first().waitFor();
    expect(await memberItem(EDITOR.email).count()).toBe(0);
    await screenshot(page, 'agency-01-members-panel');

    const choice = panel().locator(`[role="checkbox"][data-email="${EDITOR.email}"]`);
    await choice.click();
    await page.waitForFunction((email) => document.querySelector(`[role="checkbox"][data-email="${email}"]`)?.getAttribute('aria-checked') === 'true', EDITOR.email);
    await panel().getByTestId('agency-members-save').click();
    await page.getByText('Đã lưu danh sách thành viên.').first().waitFor();
    await memberItem(EDITOR.email).waitFor();
    expect(await memberItem(EDITOR.email).textContent()).toContain('Nguyễn Lan');
    await screenshot(page, 'agency-02-member-added');

    await page.reload();
    await memberItem(EDITOR.email).waitFor();
    expect(await panel().locator(`[role="checkbox"][data-email="${EDITOR.email}"]`).getAttribute('aria-checked')).toBe('true');
    expect(await memberIds(agencies.a)).toEqual([editorId]);
    expect(await memberIds(agencies.b)).toEqual([]);
  });

  it('shows no Members panel on an agency not saved yet', async () => {
    await page.goto(url(`/admin/content-manager/collection-types/${AGENCY_UID}/create?plugins[i18n][locale]=vi`));
    await page.locator('input[name="name"]').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await panel().count()).toBe(0);
  });
});

describe('the editor sees their own agency’s work only', () => {
  it('lists agency A’s feedback and not agency B’s', async () => {
    await logIn(EDITOR.email, EDITOR.password);
    const listed = page.waitForResponse(
      (response) => response.request().method() === 'GET' && new URL(response.url()).pathname === `/content-manager/collection-types/${FEEDBACK_UID}`,
    );
    await page.goto(feedbackUrl());
    const body = (await (await listed).json()) as { results: Array<{ documentId: string }> };
    expect(body.results.map((row) => row.documentId)).toEqual([feedback.a.documentId]);
    await page.getByText(feedback.a.trackingCode).first().waitFor();
    expect(await page.locator('tbody tr').count()).toBe(1);
    expect(await page.getByText(feedback.b.trackingCode).count()).toBe(0);
    await screenshot(page, 'agency-03-editor-feedback-list');
  });

  it('sees no Members panel on their agency (only super admins manage membership)', async () => {
    await page.goto(agencyEditUrl(agencies.a));
    await page.locator('input[name="name"]').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await panel().count()).toBe(0);
    expect(await page.getByText('Chọn thành viên').count()).toBe(0);
  });

  it('refuses agency B’s feedback opened by its address, showing none of its content', async () => {
    const answered = page.waitForResponse(
      (response) => response.request().method() === 'GET' && new URL(response.url()).pathname === `/content-manager/collection-types/${FEEDBACK_UID}/${feedback.b.documentId}`,
    );
    await page.goto(feedbackUrl(feedback.b.documentId));
    expect([403, 404]).toContain((await answered).status());
    await page
      .getByText(/Rất tiếc! Đã xảy ra lỗi|Bạn không có quyền|Không tìm thấy|Forbidden|Whoops|permission/i)
      .first()
      .waitFor();
    await screenshot(page, 'agency-04-editor-refused');
    expect(await page.getByText(CONTENT.b).count()).toBe(0);
    expect(await page.getByText(feedback.b.trackingCode).count()).toBe(0);
    expect(await page.locator('textarea[name="content"]').count()).toBe(0);
  });

  it('still opens agency A’s feedback', async () => {
    await page.goto(feedbackUrl(feedback.a.documentId));
    await page.waitForFunction((content) => document.querySelector<HTMLTextAreaElement>('textarea[name="content"]')?.value === content, CONTENT.a);

  });
});

describe('the browser', () => {
  it('sent no request beyond this machine', () => {
    expect(browser.refused()).toEqual([]);
  });
});
