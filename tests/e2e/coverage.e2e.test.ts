/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { SUPER_ADMIN, SUPER_ADMIN_ENV } from '../helpers/admin';
import { startPortalReceiver, type PortalReceiver } from '../helpers/fakes/portal-receiver';
import { FEEDBACK_UID, intakeBody, UNLIMITED_RATE_ENV } from '../helpers/feedback';
import { createPolicy, deliveriesOf, eventually, POLICY, portalEnv, publishingEnv, updatePolicyDraft } from '../helpers/publishing';
import { launchBrowser, screenshot } from './browser';
import { serveApp } from './server';

/**
 * Coverage in the admin panel, in real Chromium: the home page's widget and the "Độ bao phủ"
 * page show the same figures the public API answers (read from the API in the test, never
 * hard-coded), the period picker asks the API for the chosen period, the CSV button downloads the
 * API's bytes, and "Thêm đầu mối" opens the focal point's create view with the agency and the role
 * filled in: saving it covers the agency, and the page follows.
 */

type Served = Awaited<ReturnType<typeof serveApp>>;
type Browser = Awaited<ReturnType<typeof launchBrowser>>;
type Coverage = {
  period: { from: string; to: string };
  agencies: { total: number; covered: number; percent: number | null; missing: Array<{ documentId: string; lacks: string[] }> };
  policies: {
    inScope: number;
    fullyCommunicated: number;
    percent: number | null;
    byStage: Record<string, { reached: number; communicated: number }>;
    byChannel: Record<string, { communicated: number }>;
    gaps: Array<{ documentId: string; missingStages: string[] }>;
  };
  feedback: { received: number; answeredOnTime: number; answeredLate: number; overdue: number; medianDaysToAnswer: number | null; byAgency: Array<{ documentId: string | null; overdue: number }> };
  channels: Record<string, { delivered: number; failed: number; dead: number }>;
};

const AGENCY = 'api::agency.agency';
const FOCAL_POINT = 'api::focal-point.focal-point';
const DAY = 86_400_000;
const NEW_PERSON = 'Lò Văn Thành';

let served: Served;
let browser: Browser;
let page: Page;
let receiver: PortalReceiver;
const ids: Record<string, string> = {};
const agencyRowIds: Record<string, number> = {};

const url = (path: string) => `${served.baseUrl}${path}`;
const documents = (uid: string) => served.strapi.documents(uid as never);

const api = async (query = ''): Promise<Coverage> => {
  const response = await fetch(url(`/api/coverage${query}`));
  expect(response.status).toBe(200);
  return (await response.json()) as Coverage;
};

const createAgency = async (code: string, active = true) => {
  const created = (await documents(AGENCY).create({ locale: 'vi', data: { name: `Cơ quan ${code}`, code, kind: 'department', active } } as never)) as { documentId: string; id: number };
  ids[code] = created.documentId;
  agencyRowIds[code] = created.id;
};

const createFocalPoint = (agency: string, role: 'leader-in-charge' | 'focal-point') =>
  documents(FOCAL_POINT).create({ data: { fullName: `Cán bộ ${agency} ${role}`, role, agency } } as never);

/** Publishes and waits until the portal delivery of that publication has an outcome. */
const publishAndSettle = async (documentId: string) => {
  const settled = async () => (await deliveriesOf(served.strapi, { targetDocumentId: documentId })).filter((row) => row.status === 'delivered' || row.status === 'dead').length;
  const before = await settled();
  await documents(POLICY).publish({ documentId, locale: 'vi' } as never);
  await eventually(`the delivery of ${documentId}`, async () => ((await settled()) > before ? true : null));
};

/** A feedback through the public intake, then dated and assigned as if it had waited (a fixture cannot wait weeks). */
const feedback = async (policy: string, agency: string, { ageDays, dueInDays }: { ageDays: number; dueInDays: number }) => {
  const response = await fetch(url('/api/feedbacks'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(intakeBody({ policy })),
  });
  expect(response.status).toBe(201);
  const { data } = (await response.json()) as { data: { trackingCode: string } };
  const [row] = (await served.strapi.db.query(FEEDBACK_UID as never).findMany({ where: { trackingCode: data.trackingCode } })) as Array<{ id: number }>;
  const now = Date.now();
  await served.strapi.db.query(FEEDBACK_UID as never).update({
    where: { id: row.id },
    data: { createdAt: new Date(now - ageDays * DAY), dueAt: new Date(now + dueInDays * DAY), moderationStatus: 'assigned', respondingAgency: agencyRowIds[agency] },
  });
};

const attribute = async (testId: string, name: string) => page.getByTestId(testId).getAttribute(name);
const numberOf = async (testId: string) => {
  const value = await attribute(testId, 'data-value');
  return value === '' || value === null ? null : Number(value);
};
/** How the page writes a percentage (Vietnamese, one decimal at most). */
const percentText = (value: number | null) =>
  value === null ? '—' : new Intl.NumberFormat('vi', { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);

beforeAll(async () => {
  receiver = await startPortalReceiver(portalEnv('x').PORTAL_WEBHOOK_SECRET);
  // The portal refuses P3 for good (400: its delivery is dead), and takes everything else.
  receiver.respondWith((webhook) => (webhook.json?.data?.documentId === ids.P3 ? { status: 400, body: { error: 'rejected' } } : { status: 200, body: { ok: true } }));
  // Only the variables publishingEnv sets (the ones it clears are already cleared by the test env).
  const publishing = Object.fromEntries(Object.entries(publishingEnv(portalEnv(receiver.url))).filter(([, value]) => value !== undefined)) as Record<string, string>;
  served = await serveApp('coverage_e2e', { ...SUPER_ADMIN_ENV, ...UNLIMITED_RATE_ENV, ...publishing });

  // Agencies: A1 covered, A2 lacks its focal point, A3 has nobody, A4 inactive (not counted).
  await createAgency('A1');
  await createAgency('A2');
  await createAgency('A3');
  await createAgency('A4', false);
  await createFocalPoint(ids.A1, 'leader-in-charge');
  await createFocalPoint(ids.A1, 'focal-point');
  await createFocalPoint(ids.A2, 'leader-in-charge');

  // P1 communicated at proposal and drafting; P2 at proposal then adopted (drafting skipped);
  // P3 reached drafting but its only delivery is dead (a gap).
  ids.P1 = await createPolicy(served.strapi, { title: 'Chính sách P1', stage: 'proposal' });
  await publishAndSettle(ids.P1);
  await updatePolicyDraft(served.strapi, ids.P1, { stage: 'drafting' });
  await publishAndSettle(ids.P1);
  ids.P2 = await createPolicy(served.strapi, { title: 'Chính sách P2', stage: 'proposal' });
  await publishAndSettle(ids.P2);
  await updatePolicyDraft(served.strapi, ids.P2, { stage: 'adopted' });
  await publishAndSettle(ids.P2);
  ids.P3 = await createPolicy(served.strapi, { title: 'Chính sách P3', stage: 'drafting' });
  await publishAndSettle(ids.P3);

  // Feedback: one overdue at A2, one still in time at A1.
  await feedback(ids.P1, 'A2', { ageDays: 20, dueInDays: -5 });
  await feedback(ids.P1, 'A1', { ageDays: 2, dueInDays: 10 });

  // The daily history job runs once the fixtures are in (the boot's snapshot saw an empty database).
  await (served.strapi.service('api::coverage.history') as unknown as { record: () => Promise<string> }).record();

  browser = await launchBrowser({ timeoutMs: 60_000 });
  page = browser.page;
  // Leaving a create view with unsaved input may ask to confirm: yes.
  page.on('dialog', (dialog) => void dialog.accept());
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
  await receiver?.close();
});

describe('coverage in the admin panel', () => {
  it('has fixtures that show something (otherwise every comparison below would be trivially equal)', async () => {
    const coverage = await api();
    expect(coverage.agencies.missing.length).toBeGreaterThan(0);
    expect(coverage.policies.gaps.length).toBeGreaterThan(0);
    expect(coverage.policies.fullyCommunicated).toBeGreaterThan(0);
    expect(coverage.feedback.overdue).toBeGreaterThan(0);
    expect(coverage.channels.portal?.delivered).toBeGreaterThan(0);
  });

  it('logs the super admin in', async () => {
    await page.goto(url('/admin/auth/login'));
    await page.evaluate(() => window.localStorage.setItem('strapi-admin-language', 'vi'));
    await page.goto(url('/admin/auth/login'));
    await page.locator('input[name="email"]').fill(SUPER_ADMIN.email);
    await page.locator('input[name="password"]').fill(SUPER_ADMIN.password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((current) => !current.pathname.startsWith('/admin/auth'));
  });

  it('shows the widget on the home page with the API’s two percentages, missing agencies and overdue feedback', async () => {
    await page.goto(url('/admin'));
    await page.getByTestId('coverage-widget').waitFor();
    const coverage = await api();
    expect(await numberOf('coverage-widget-agencies')).toBe(coverage.agencies.percent);
    expect(await numberOf('coverage-widget-policies')).toBe(coverage.policies.percent);
    expect(await page.getByTestId('coverage-widget-agencies-text').textContent()).toBe(percentText(coverage.agencies.percent));
    expect(await page.getByTestId('coverage-widget-policies-text').textContent()).toBe(percentText(coverage.policies.percent));
    expect(await numberOf('coverage-widget-missing')).toBe(coverage.agencies.missing.length);
    expect(await numberOf('coverage-widget-overdue')).toBe(coverage.feedback.overdue);
    await page.getByText('Độ bao phủ').first().waitFor();
    await screenshot(page, 'coverage-01-widget');
  });

  it('opens the Coverage page from the widget, at the figure clicked', async () => {
    await page.getByTestId('coverage-widget-missing').click();
    await page.waitForURL((current) => current.pathname === '/admin/coverage' && current.hash === '#missing');
    await page.getByTestId('coverage-section-missing').waitFor();
  });

  it('shows the headline KPIs, the trend, the bars per stage and per channel as the API answers them', async () => {
    const coverage = await api();
    expect(await numberOf('coverage-kpi-agencies')).toBe(coverage.agencies.percent);
    expect(await numberOf('coverage-kpi-policies')).toBe(coverage.policies.percent);
    expect(await page.getByTestId('coverage-kpi-agencies-text').textContent()).toBe(percentText(coverage.agencies.percent));
    for (const [stage, figures] of Object.entries(coverage.policies.byStage)) {
      const item = page.locator(`[data-testid="coverage-stage"][data-key="${stage}"]`);
      expect(await item.getAttribute('data-reached')).toBe(String(figures.reached));
      expect(await item.getAttribute('data-communicated')).toBe(String(figures.communicated));
      expect(await item.textContent()).toContain(`${figures.communicated}/${figures.reached}`);
    }
    for (const [channel, figures] of Object.entries(coverage.policies.byChannel)) {
      expect(await page.locator(`[data-testid="coverage-by-channel"][data-key="${channel}"]`).getAttribute('data-communicated')).toBe(String(figures.communicated));
    }
    // The charts are drawn (recharts SVG): bars per stage, and on the trend one dot per month the API has a figure for.
    await page.locator('[data-testid="coverage-stage-chart"] .recharts-bar-rectangle').first().waitFor();
    const history = (await (await fetch(url('/api/coverage/history?months=12'))).json()) as {
      months: Array<{ month: string; recordedOn: string | null; agenciesPercent: number | null; policiesPercent: number | null }>;
    };
    const points = history.months.flatMap((row) => [row.agenciesPercent, row.policiesPercent]).filter((value) => value !== null).length;
    expect(points).toBeGreaterThan(0);
    await page.locator('[data-testid="coverage-trend-chart"] .recharts-line-dot').first().waitFor();
    expect(await page.locator('[data-testid="coverage-trend-chart"] .recharts-line-dot').count()).toBe(points);
    expect(await attribute('coverage-trend-chart', 'data-months')).toBe(String(history.months.length));
    const latest = history.months.filter((row) => row.recordedOn !== null).at(-1);
    expect(latest).toBeDefined();
    const shown = page.getByTestId('coverage-trend-latest');
    expect([await shown.getAttribute('data-key'), await shown.getAttribute('data-agencies'), await shown.getAttribute('data-policies')]).toEqual([
      latest?.month,
      String(latest?.agenciesPercent ?? ''),
      String(latest?.policiesPercent ?? ''),
    ]);
    await screenshot(page, 'coverage-02-page');
  });

  it('lists the agencies missing a role, the policies with gaps, feedback per agency and channel health as the API does', async () => {
    const coverage = await api();
    const rows = page.getByTestId('coverage-missing-row');
    expect(await rows.count()).toBe(coverage.agencies.missing.length);
    for (const agency of coverage.agencies.missing) {
      const row = page.locator(`[data-testid="coverage-missing-row"][data-document-id="${agency.documentId}"]`);
      expect(await row.getAttribute('data-lacks')).toBe(agency.lacks.join(' '));
      expect(await row.locator(`a[href*="/content-manager/collection-types/${AGENCY}/${agency.documentId}"]`).count()).toBe(1);
    }
    expect(await page.getByTestId('coverage-gap-row').count()).toBe(coverage.policies.gaps.length);
    for (const gap of coverage.policies.gaps) {
      const row = page.locator(`[data-testid="coverage-gap-row"][data-document-id="${gap.documentId}"]`);
      expect(await row.getAttribute('data-missing')).toBe(gap.missingStages.join(' '));
      expect(await row.locator(`a[href*="/content-manager/collection-types/${POLICY}/${gap.documentId}"]`).count()).toBe(1);
    }
    for (const key of ['received', 'answeredOnTime', 'answeredLate', 'overdue'] as const) {
      expect(await page.locator(`[data-testid="coverage-feedback-total"][data-key="${key}"]`).getAttribute('data-value')).toBe(String(coverage.feedback[key]));
    }
    for (const agency of coverage.feedback.byAgency) {
      expect(await page.locator(`[data-testid="coverage-feedback-row"][data-document-id="${agency.documentId ?? ''}"]`).getAttribute('data-overdue')).toBe(String(agency.overdue));
    }
    for (const [channel, figures] of Object.entries(coverage.channels)) {
      const row = page.locator(`[data-testid="coverage-channel-row"][data-channel="${channel}"]`);
      expect([await row.getAttribute('data-delivered'), await row.getAttribute('data-failed'), await row.getAttribute('data-dead')]).toEqual(
        [figures.delivered, figures.failed, figures.dead].map(String),
      );
    }
    // Channel health from the publishing plugin: the portal is configured here.
    expect(await page.locator('[data-testid="coverage-channel-row"][data-channel="portal"]').textContent()).toContain('Đang hoạt động');
  });

  it('asks the API for the period picked and shows its answer', async () => {
    const from = '2020-01-01';
    const to = '2020-12-31';
    const inPeriod = await api(`?from=${from}&to=${to}`);
    const allYear = await api();
    expect(inPeriod.feedback.received).not.toBe(allYear.feedback.received);
    await page.goto(url(`/admin/coverage?from=${from}&to=${to}`));
    await page.waitForFunction(
      ([wantFrom, wantTo]) => {
        const period = document.querySelector('[data-testid="coverage-period"]');
        return period?.getAttribute('data-from') === wantFrom && period?.getAttribute('data-to') === wantTo;
      },
      [from, to],
    );
    expect(await page.locator('[data-testid="coverage-feedback-total"][data-key="received"]').getAttribute('data-value')).toBe(String(inPeriod.feedback.received));
    expect(await page.locator('[data-testid="coverage-channel-row"][data-channel="portal"]').getAttribute('data-delivered')).toBe(String(inPeriod.channels.portal.delivered));
  });

  it('downloads the API’s CSV of gaps', async () => {
    await page.goto(url('/admin/coverage'));
    await page.getByTestId('coverage-csv').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('coverage-csv').click()]);
    const bytes = await readFile((await download.path()) as string);
    const expected = Buffer.from(await (await fetch(url('/api/coverage?format=csv'))).arrayBuffer());
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bytes.equals(expected)).toBe(true);
  });

  it('fills in the role the agency lacks: the leader in charge for an agency that has nobody', async () => {
    await page.goto(url('/admin/coverage'));
    await page.locator(`[data-testid="coverage-missing-row"][data-document-id="${ids.A3}"] [data-testid="coverage-create-focal-point"][data-role="leader-in-charge"]`).click();
    await page.getByTestId('coverage-prefill').waitFor();
    expect([await attribute('coverage-prefill', 'data-agency'), await attribute('coverage-prefill', 'data-role')]).toEqual([ids.A3, 'leader-in-charge']);
    await page.getByText('Cơ quan A3').first().waitFor();
    await page.getByRole('combobox', { name: /Vai trò/ }).getByText('leader-in-charge').waitFor();
  });

  it('starts creating the missing focal point with the agency and the role filled in; saving it covers the agency', async () => {
    await page.goto(url('/admin/coverage'));
    const before = await api();
    const a2 = before.agencies.missing.find((agency) => agency.documentId === ids.A2);
    expect(a2?.lacks).toEqual(['focal-point']);
    await page.locator(`[data-testid="coverage-missing-row"][data-document-id="${ids.A2}"] [data-testid="coverage-create-focal-point"][data-role="focal-point"]`).click();
    await page.waitForURL((current) => current.pathname.endsWith(`/${FOCAL_POINT}/create`));
    await page.getByTestId('coverage-prefill').waitFor();
    expect(await attribute('coverage-prefill', 'data-agency')).toBe(ids.A2);
    await page.getByText('Cơ quan A2').first().waitFor();
    await page.locator('input[name="fullName"]').fill(NEW_PERSON);
    await screenshot(page, 'coverage-03-prefilled');
    await page.getByRole('button', { name: /^(Save|Lưu)$/ }).click();
    const created = await eventually('the focal point saved', async () => {
      const rows = (await served.strapi.db.query(FOCAL_POINT as never).findMany({ where: { fullName: NEW_PERSON }, populate: ['agency'] })) as Array<{
        role: string;
        agency: { documentId: string } | null;
      }>;
      return rows[0] ?? null;
    });
    expect(created.role).toBe('focal-point');
    expect(created.agency?.documentId).toBe(ids.A2);

    const after = await api();
    expect(after.agencies.covered).toBe(before.agencies.covered + 1);
    await page.goto(url('/admin/coverage'));
    await page.getByTestId('coverage-kpi-agencies').waitFor();
    expect(await numberOf('coverage-kpi-agencies')).toBe(after.agencies.percent);
    expect(await page.locator(`[data-testid="coverage-missing-row"][data-document-id="${ids.A2}"]`).count()).toBe(0);
  });

  it('never called out of this machine', () => {
    expect(browser.refused()).toEqual([]);
  });
});
