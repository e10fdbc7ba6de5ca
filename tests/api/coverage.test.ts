import { appService } from '../../src/lib/app-services';
import { asAdmin, loginAdmin, SUPER_ADMIN, SUPER_ADMIN_ENV } from '../helpers/admin';
import { FEEDBACK_UID, intakeBody, UNLIMITED_RATE_ENV } from '../helpers/feedback';
import { startPortalReceiver, type PortalReceiver, type Reply } from '../helpers/fakes/portal-receiver';
import { createPolicy, deliveriesOf, eventually, POLICY, portalEnv, publishingEnv, publishPolicy, updatePolicyDraft } from '../helpers/publishing';
import { radioIdle } from '../helpers/radio';
import { startTestApp, type TestApp } from '../helpers/strapi';

/**
 * Coverage KPIs (README: "Coverage"), through HTTP, on hand-built fixtures whose expected numbers
 * are counted by hand below. Publications go through the real publishing flow: the document
 * service publishes, the outbox records the event and its portal delivery, the dispatcher sends it
 * to a real local portal receiver that answers what each test scripts (200, 500 then 200, 400 →
 * dead). Only feedback dates are set directly in the database (a fixture cannot wait a month).
 */

const AGENCY = 'api::agency.agency';
const FOCAL_POINT = 'api::focal-point.focal-point';
const DRAFT = 'api::consultation-draft.consultation-draft';
const RADIO = 'api::radio-script.radio-script';
const DAY = 86_400_000;
/** Personal data planted in focal points and feedback: none of it may appear in any answer. */
const PRIVATE = ['Zzprivate', 'zzprivate@', '0987000'];

let app: TestApp;
let receiver: PortalReceiver;
const scripted = new Map<string, Reply[]>();
const ids: Record<string, string> = {};
const agencyRowIds: Record<string, number> = {};

const documents = (uid: string) => app.strapi.documents(uid as never);

const createAgency = async (code: string, kind: string, active = true) => {
  const created = (await documents(AGENCY).create({ locale: 'vi', data: { name: `Cơ quan ${code}`, code, kind, active } } as never)) as { documentId: string; id: number };
  ids[code] = created.documentId;
  agencyRowIds[code] = created.id;
  return created.documentId;
};

let people = 0;
const createFocalPoint = async (agency: string, role: 'leader-in-charge' | 'focal-point', active = true) => {
  people += 1;
  await documents(FOCAL_POINT).create({
    data: { fullName: `Zzprivate Cán bộ ${people}`, position: 'Chuyên viên', role, agency, active, email: `zzprivate@${people}.example.gov.vn`, phone: `0987000${String(people).padStart(3, '0')}` },
  } as never);
};

/** Deliveries of `documentId` that reached an outcome (delivered or dead). */
const settled = async (documentId: string) =>
  (await deliveriesOf(app.strapi, { targetDocumentId: documentId })).filter((row) => row.status === 'delivered' || row.status === 'dead');

/** Publishes (the portal answering `replies` first, then 200) and waits until its delivery has an outcome. */
const publishAndSettle = async (uid: string, documentId: string, replies: Reply[] = [], locale: string | undefined = 'vi') => {
  const before = (await settled(documentId)).length;
  scripted.set(documentId, [...replies]);
  await documents(uid).publish({ documentId, ...(locale ? { locale } : {}) } as never);
  await eventually(`a new outcome for ${documentId}`, async () => ((await settled(documentId)).length > before ? true : null));
};

const policy = async (key: string, data: Record<string, unknown>) => {
  ids[key] = await createPolicy(app.strapi, { title: `Chính sách ${key}`, ...data });
  return ids[key];
};

const coverage = async (query = '') => {
  const response = await app.http().get(`/api/coverage${query}`);
  expect(response.status).toBe(200);
  return response;
};

beforeAll(async () => {
  receiver = await startPortalReceiver(portalEnv('x').PORTAL_WEBHOOK_SECRET);
  receiver.respondWith((webhook) => scripted.get(webhook.json?.data?.documentId)?.shift() ?? { status: 200, body: { ok: true } });
  app = await startTestApp('coverage', {
    ...SUPER_ADMIN_ENV,
    ...publishingEnv({ ...portalEnv(receiver.url) }),
    ...UNLIMITED_RATE_ENV,
    CONSULTATION_MIN_DAYS: '0',
    COVERAGE_CACHE_SECONDS: '300',
    COVERAGE_OUTCOME_DAYS: '30',
    READ_CACHE_TTL_SECONDS: '600',
  });

  // Agencies: 4 active (1 covered), 1 inactive.
  await createAgency('A1', 'department');
  await createAgency('A2', 'department');
  await createAgency('A3', 'district-committee');
  await createAgency('A4', 'department', false);
  await createAgency('A5', 'sector');
  await createFocalPoint(ids.A1, 'leader-in-charge');
  await createFocalPoint(ids.A1, 'focal-point');
  await createFocalPoint(ids.A2, 'leader-in-charge');
  await createFocalPoint(ids.A2, 'focal-point', false); // inactive: A2 lacks a focal point
  await createFocalPoint(ids.A4, 'leader-in-charge'); // agency inactive: not counted at all
  await createFocalPoint(ids.A4, 'focal-point');
  await createFocalPoint(ids.A5, 'leader-in-charge', false); // inactive: A5 lacks a leader
  await createFocalPoint(ids.A5, 'focal-point');

  // P1: proposal then drafting, each published and delivered.
  await policy('P1', { stage: 'proposal' });
  await publishAndSettle(POLICY, ids.P1);
  await updatePolicyDraft(app.strapi, ids.P1, { stage: 'drafting' });
  await publishAndSettle(POLICY, ids.P1);
  // P2: proposal, then straight to adopted (drafting skipped), each delivered.
  await policy('P2', { stage: 'proposal' });
  await publishAndSettle(POLICY, ids.P2);
  await updatePolicyDraft(app.strapi, ids.P2, { stage: 'adopted' });
  await publishAndSettle(POLICY, ids.P2);
  // P3: promulgated; the portal fails once (500), the retry is delivered.
  await policy('P3', { stage: 'promulgated' });
  await publishAndSettle(POLICY, ids.P3, [{ status: 500, body: { error: 'busy' } }]);
  // P4: adopted; its only delivery is dead (400: permanent).
  await policy('P4', { stage: 'adopted' });
  await publishAndSettle(POLICY, ids.P4, [{ status: 400, body: { error: 'rejected' } }]);
  // P5: implementing; its own delivery is dead, but its radio bulletin is delivered during the stage.
  await policy('P5', { stage: 'implementing' });
  await publishAndSettle(POLICY, ids.P5, [{ status: 400, body: { error: 'rejected' } }]);
  const script = (await documents(RADIO).create({ data: { policy: ids.P5, title: 'Bản tin P5', language: 'vi', script: 'Kính thưa bà con.' } } as never)) as { documentId: string };
  ids.R5 = script.documentId;
  await publishAndSettle(RADIO, ids.R5, [], undefined);
  // P6: central, not affecting people and businesses: out of scope (delivered, not counted).
  await policy('P6', { stage: 'implementing', issuer: 'central-government', affectsPeopleAndBusinesses: false });
  await publishAndSettle(POLICY, ids.P6);
  // P7: central but affecting people and businesses: in scope, delivered.
  await policy('P7', { stage: 'promulgated', issuer: 'central-government', affectsPeopleAndBusinesses: true });
  await publishAndSettle(POLICY, ids.P7);
  // P8: repealed: reported apart.
  await policy('P8', { stage: 'proposal' });
  await publishAndSettle(POLICY, ids.P8);
  await updatePolicyDraft(app.strapi, ids.P8, { stage: 'repealed' });
  await publishAndSettle(POLICY, ids.P8);
  // P9: never published: not counted.
  await policy('P9', { stage: 'proposal' });

  // Consultation drafts of P6 (out of scope, so they change no policy figure).
  const now = Date.now();
  const draft = async (key: string, closesInDays: number, outcome = false) => {
    const created = (await documents(DRAFT).create({
      locale: 'vi',
      data: { title: `Dự thảo ${key}`, policy: ids.P6, version: 1, opensAt: new Date(now + (closesInDays - 30) * DAY).toISOString(), closesAt: new Date(now + closesInDays * DAY).toISOString() },
    } as never)) as { documentId: string };
    ids[key] = created.documentId;
    await publishAndSettle(DRAFT, created.documentId);
    if (outcome) await app.strapi.db.connection('consultation_drafts').where({ document_id: created.documentId }).update({ outcome_published_at: new Date(now - DAY) });
  };
  await draft('D1', -40); // closed 40 days ago, no outcome: overdue by 10 days
  await draft('D2', -5); // closed, no outcome, not yet overdue
  await draft('D3', -10, true); // closed with its outcome
  await draft('D4', 10); // still open
  await radioIdle(app.strapi);
});

afterAll(async () => {
  await app?.stop();
  await receiver?.close();
});

describe('agency coverage', () => {
  it('counts active agencies with an active leader in charge and an active focal point, overall and per kind', async () => {
    const { body } = await coverage();
    expect(body.agencies).toMatchObject({
      total: 4,
      covered: 1,
      percent: 25,
      byKind: {
        department: { total: 2, covered: 1, percent: 50 },
        'district-committee': { total: 1, covered: 0, percent: 0 },
        sector: { total: 1, covered: 0, percent: 0 },
      },
    });
    expect(Object.keys(body.agencies.byKind).sort()).toEqual(['department', 'district-committee', 'sector']);
  });

  it('lists the agencies missing a role with what they lack; an inactive agency is not listed', async () => {
    const { body } = await coverage();
    expect(body.agencies.missing).toEqual([
      { documentId: ids.A2, code: 'A2', name: 'Cơ quan A2', kind: 'department', lacks: ['focal-point'] },
      { documentId: ids.A3, code: 'A3', name: 'Cơ quan A3', kind: 'district-committee', lacks: ['leader-in-charge', 'focal-point'] },
      { documentId: ids.A5, code: 'A5', name: 'Cơ quan A5', kind: 'sector', lacks: ['leader-in-charge'] },
    ]);
  });
});

describe('policy communication', () => {
  it('the fixtures went through the outbox as scripted: a failure then a success, and two dead deliveries', async () => {
    const [p3] = await deliveriesOf(app.strapi, { targetDocumentId: ids.P3 });
    expect(p3).toMatchObject({ status: 'delivered', attempts: 2 });
    expect((await deliveriesOf(app.strapi, { targetDocumentId: ids.P4 })).map((row) => row.status)).toEqual(['dead']);
    expect((await deliveriesOf(app.strapi, { targetDocumentId: ids.P5 })).map((row) => row.status)).toEqual(['dead']);
    expect((await deliveriesOf(app.strapi, { targetDocumentId: ids.R5 })).map((row) => row.status)).toEqual(['delivered']);
  });

  it('counts policies in scope (repealed apart) and those communicated at every stage they reached', async () => {
    // In scope: P1, P2, P3, P4, P5, P7 (P6 central and not affecting, P8 repealed, P9 unpublished).
    // Fully communicated: all but P4 (its only delivery is dead) = 5 of 6.
    const { body } = await coverage();
    expect(body.policies).toMatchObject({ inScope: 6, fullyCommunicated: 5, percent: 83.3, repealed: 1, gapsTotal: 1 });
  });

  it('per stage: a skipped stage is not reached, a dead delivery does not communicate, a radio bulletin does', async () => {
    const { body } = await coverage();
    expect(body.policies.byStage).toEqual({
      proposal: { reached: 2, communicated: 2, percent: 100 }, // P1, P2
      drafting: { reached: 1, communicated: 1, percent: 100 }, // P1 (P2 skipped it)
      adopted: { reached: 2, communicated: 1, percent: 50 }, // P2 yes, P4 dead
      promulgated: { reached: 2, communicated: 2, percent: 100 }, // P3 (after a retry), P7
      implementing: { reached: 1, communicated: 1, percent: 100 }, // P5 through its radio bulletin
    });
  });

  it('per channel: reached stages communicated on it (only the portal is configured here)', async () => {
    const { body } = await coverage();
    // 8 reached (policy, stage) pairs, 7 communicated on the portal.
    expect(body.policies.byChannel).toEqual({
      portal: { communicated: 7, percent: 87.5 },
      zalo: { communicated: 0, percent: 0 },
      'source-system': { communicated: 0, percent: 0 },
    });
  });

  it('lists the policies with gaps and their missing stages', async () => {
    const { body } = await coverage();
    expect(body.policies.gaps).toEqual([{ documentId: ids.P4, title: 'Chính sách P4', stage: 'adopted', missingStages: ['adopted'] }]);
  });
});

describe('consultations', () => {
  it('counts closed consultations, those with a published outcome, and lists overdue outcomes', async () => {
    const { body } = await coverage();
    expect(body.consultations).toMatchObject({ closed: 3, withOutcome: 1, percent: 33.3 });
    expect(body.consultations.overdue).toEqual([{ documentId: ids.D1, title: 'Dự thảo D1', closesAt: expect.any(String), daysOverdue: 10 }]);
  });
});

describe('feedback and channels in a period', () => {
  /** Submits a feedback through the public intake, then dates and answers it as an agency would have. */
  const feedback = async (
    label: string,
    { createdAt, dueAt, respondedAt, status = 'received', agency }: { createdAt: string; dueAt: string; respondedAt?: string; status?: string; agency?: string },
  ) => {
    const response = await app
      .http()
      .post('/api/feedbacks')
      .send(intakeBody({ policy: ids.P1 }, { content: `Góp ý ${label}: đề nghị làm rõ đối tượng hưởng.`, fullName: 'Zzprivate Người dân', email: `zzprivate@${label}.example.vn`, phone: '0987000999' }));
    expect(response.status).toBe(201);
    const [row] = (await app.strapi.db.query(FEEDBACK_UID as never).findMany({ where: { trackingCode: response.body.data.trackingCode } })) as Array<{ id: number }>;
    await app.strapi.db.query(FEEDBACK_UID as never).update({
      where: { id: row.id },
      data: {
        createdAt: new Date(createdAt),
        dueAt: new Date(dueAt),
        respondedAt: respondedAt ? new Date(respondedAt) : null,
        moderationStatus: status,
        respondingAgency: agency ? agencyRowIds[agency] : null,
      },
    });
  };

  beforeAll(async () => {
    // January 2026 in Vietnam's time (UTC+7): [2025-12-31T17:00Z, 2026-01-31T17:00Z).
    await feedback('F1', { createdAt: '2026-01-10T03:00:00Z', dueAt: '2026-01-25T03:00:00Z', respondedAt: '2026-01-12T03:00:00Z', status: 'answered', agency: 'A1' }); // 2 days, on time
    await feedback('F2', { createdAt: '2026-01-10T03:00:00Z', dueAt: '2026-01-25T03:00:00Z', respondedAt: '2026-01-30T03:00:00Z', status: 'answered', agency: 'A1' }); // 20 days, late
    await feedback('F3', { createdAt: '2026-01-20T03:00:00Z', dueAt: '2026-02-04T03:00:00Z', status: 'assigned', agency: 'A2' }); // overdue now
    await feedback('F4', { createdAt: '2026-01-31T16:59:59Z', dueAt: '2099-01-01T00:00:00Z' }); // last second of the period, not due
    await feedback('F5', { createdAt: '2026-01-31T17:00:00Z', dueAt: '2026-02-15T00:00:00Z' }); // 1 February in Vietnam: outside
    await feedback('F6', { createdAt: '2025-12-31T16:59:59Z', dueAt: '2026-01-15T00:00:00Z' }); // 31 December in Vietnam: outside
    await feedback('F7', { createdAt: '2025-12-31T17:00:00Z', dueAt: '2026-01-15T00:00:00Z', status: 'rejected' }); // inside, but rejected
    await feedback('F8', { createdAt: '2026-01-15T03:00:00Z', dueAt: '2026-01-30T03:00:00Z', respondedAt: '2026-01-19T03:00:00Z', status: 'answered', agency: 'A2' }); // 4 days, on time
    // One portal delivery whose outcome fell on the last second of January in Vietnam.
    const [first] = await deliveriesOf(app.strapi, { targetDocumentId: ids.P1 });
    await app.strapi.db.connection('multichannel_deliveries').where({ id: first.id }).update({ delivered_at: new Date('2026-01-31T16:59:59Z') });
  });

  it('counts feedback received in the period (bounds in Vietnam time, rejected left out), answered on time, late, overdue, and the median', async () => {
    const { body } = await coverage('?from=2026-01-01&to=2026-01-31');
    expect(body.period).toEqual({ from: '2026-01-01', to: '2026-01-31' });
    // Received F1, F2, F3, F4, F8; answered after 2, 20 and 4 days: median 4.
    expect(body.feedback).toMatchObject({ received: 5, answeredOnTime: 2, answeredLate: 1, overdue: 1, medianDaysToAnswer: 4 });
    expect(body.feedback.byAgency).toEqual([
      { documentId: ids.A2, code: 'A2', name: 'Cơ quan A2', received: 2, answeredOnTime: 1, answeredLate: 0, overdue: 1, medianDaysToAnswer: 4 },
      { documentId: ids.A1, code: 'A1', name: 'Cơ quan A1', received: 2, answeredOnTime: 1, answeredLate: 1, overdue: 0, medianDaysToAnswer: 11 },
      { documentId: null, code: null, name: null, received: 1, answeredOnTime: 0, answeredLate: 0, overdue: 0, medianDaysToAnswer: null },
    ]);
  });

  it('the next day is another period: only what arrived on 1 February', async () => {
    const { body } = await coverage('?from=2026-02-01&to=2026-02-01');
    expect(body.feedback).toMatchObject({ received: 1, answeredOnTime: 0, answeredLate: 0, overdue: 1, medianDaysToAnswer: null });
  });

  it('counts channel outcomes in the period: the delivery dated in January, nothing else', async () => {
    const january = await coverage('?from=2026-01-01&to=2026-01-31');
    expect(january.body.channels).toEqual({
      portal: { delivered: 1, failed: 0, dead: 0 },
      zalo: { delivered: 0, failed: 0, dead: 0 },
      'source-system': { delivered: 0, failed: 0, dead: 0 },
    });
    const february = await coverage('?from=2026-02-01&to=2026-02-28');
    expect(february.body.channels.portal).toEqual({ delivered: 0, failed: 0, dead: 0 });
  });

  it('by default the period is the year ending today: every other outcome of the fixtures', async () => {
    const { body } = await coverage();
    // Delivered: P1 ×2 (one moved to January, still inside), P2 ×2, P3, R5, P6, P7, P8 ×2, D1–D4 = 14; dead: P4, P5.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    expect(body.period.to).toBe(today);
    expect(body.channels.portal).toEqual({ delivered: 14, failed: 0, dead: 2 });
  });

  it('answers 400 naming the field for a bad date, an inverted period, a bad format or an unknown parameter', async () => {
    const cases: Array<[string, string]> = [
      ['?from=2026-02-30', 'from'],
      ['?to=yesterday', 'to'],
      ['?from=2026-03-01&to=2026-02-01', 'from'],
      ['?format=xlsx', 'format'],
      ['?from=2026-01-01&from=2026-01-02', 'from'],
      ['?page=2', 'page'],
    ];
    for (const [query, field] of cases) {
      const response = await app.http().get(`/api/coverage${query}`);
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
      expect(response.body.error.message).toContain(field);
      expect(response.body.error.details.errors[0].path).toEqual([field]);
    }
  });
});

describe('the CSV of gaps', () => {
  it('holds the agencies missing a role and the policies with gaps, UTF-8 with a BOM, CRLF', async () => {
    const response = await app.http().get('/api/coverage?format=csv').buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toContain('attachment');
    const expected = [
      'list,id,name,kind_or_stage,missing',
      'agency,A2,Cơ quan A2,department,focal-point',
      'agency,A3,Cơ quan A3,district-committee,leader-in-charge;focal-point',
      'agency,A5,Cơ quan A5,sector,leader-in-charge',
      `policy,${ids.P4},Chính sách P4,adopted,adopted`,
      '',
    ].join('\r\n');
    expect((response.body as Buffer).equals(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(expected, 'utf8')]))).toBe(true);
  });
});

describe('no personal data', () => {
  it('no answer carries a focal point or citizen name, e-mail or phone', async () => {
    const answers = await Promise.all(
      ['', '?from=2026-01-01&to=2026-01-31', '?format=csv', '/history?months=12'].map((query) =>
        app.http().get(query.startsWith('/') ? `/api/coverage${query}` : `/api/coverage${query}`),
      ),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      const text = answer.text;
      for (const marker of PRIVATE) expect(text).not.toContain(marker);
    }
  });
});

describe('caching', () => {
  it('serves a repeat from the read cache with an ETag, and a new delivery outcome clears it', async () => {
    await radioIdle(app.strapi);
    const first = await coverage();
    const again = await coverage();
    expect(again.headers['x-read-cache']).toBe('hit');
    expect(again.headers['cache-control']).toBe('public, max-age=300');
    expect(again.headers.etag).toBe(first.headers.etag);
    const notModified = await app.http().get('/api/coverage').set('If-None-Match', first.headers.etag);
    expect(notModified.status).toBe(304);

    // Send P4's dead delivery back to the queue the way an editor does, with the portal taking its
    // time to answer: the requeue itself is an outcome change and clears the answer.
    const [dead] = await deliveriesOf(app.strapi, { targetDocumentId: ids.P4 });
    scripted.set(ids.P4, [{ status: 200, body: { ok: true }, delayMs: 3000 }]);
    const token = await loginAdmin(app.strapi, SUPER_ADMIN.email, SUPER_ADMIN.password);
    const retried = await asAdmin(app.strapi, token).post(`/multichannel-publishing/deliveries/${dead.id}/retry`).send({});
    expect(retried.status).toBe(200);
    const whileSending = await coverage();
    expect(whileSending.headers['x-read-cache']).toBe('miss');
    expect(whileSending.body.policies.fullyCommunicated).toBe(5);
    expect((await coverage()).headers['x-read-cache']).toBe('hit');

    // The portal answers: the outcome (delivered) clears the answer on its own, no other write.
    await eventually('P4 delivered', async () => ((await deliveriesOf(app.strapi, { targetDocumentId: ids.P4 }))[0]?.status === 'delivered' ? true : null));
    const after = await coverage();
    expect(after.headers['x-read-cache']).toBe('miss');
    expect(after.body.policies).toMatchObject({ fullyCommunicated: 6, percent: 100, gaps: [] });
  });
});

describe('history', () => {
  const dayIn = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(at);
  const monthBefore = (month: string, back: number) => {
    const [year, m] = month.split('-').map(Number);
    return new Date(Date.UTC(year, m - 1 - back, 1)).toISOString().slice(0, 7);
  };

  it('records today at boot, the daily job replaces it with the figures of the moment, and each month shows its last recorded day', async () => {
    const today = dayIn(new Date());
    const thisMonth = today.slice(0, 7);
    const lastMonth = monthBefore(thisMonth, 1);
    // The boot recorded today's snapshot (on an empty database); an older month recorded twice.
    const snapshots = () => app.strapi.db.connection('coverage_snapshots');
    expect(await snapshots().where({ day: today }).select('day')).toEqual([{ day: today }]);
    const recordedAt = new Date();
    await snapshots().insert([
      { day: `${lastMonth}-10`, agencies_total: 4, agencies_covered: 0, agencies_percent: 0, policies_in_scope: 2, policies_fully_communicated: 0, policies_percent: 0, recorded_at: recordedAt },
      { day: `${lastMonth}-20`, agencies_total: 4, agencies_covered: 2, agencies_percent: 50, policies_in_scope: 3, policies_fully_communicated: 1, policies_percent: 33.3, recorded_at: recordedAt },
    ]);

    // What the daily cron task runs.
    await appService(app.strapi, 'api::coverage.history').record();

    const response = await app.http().get('/api/coverage/history?months=3');
    expect(response.status).toBe(200);
    expect(response.body.months).toEqual([
      { month: monthBefore(thisMonth, 2), recordedOn: null, agenciesPercent: null, policiesPercent: null },
      { month: lastMonth, recordedOn: `${lastMonth}-20`, agenciesPercent: 50, policiesPercent: 33.3 },
      { month: thisMonth, recordedOn: today, agenciesPercent: 25, policiesPercent: 100 },
    ]);
    // Later edits do not rewrite the past: a new agency changes today's figure only when recorded again.
    await createAgency('A6', 'other');
    const later = await app.http().get('/api/coverage/history?months=2');
    expect(later.body.months[0]).toEqual({ month: lastMonth, recordedOn: `${lastMonth}-20`, agenciesPercent: 50, policiesPercent: 33.3 });
    expect(later.body.months[1].agenciesPercent).toBe(25);
  });

  it('defaults to 12 months and answers 400 naming months outside 1..120', async () => {
    const response = await app.http().get('/api/coverage/history');
    expect(response.status).toBe(200);
    expect(response.body.months).toHaveLength(12);
    for (const query of ['?months=0', '?months=121', '?months=abc', '?months=1&months=2', '?since=2026']) {
      const bad = await app.http().get(`/api/coverage/history${query}`);
      expect({ query, status: bad.status }).toEqual({ query, status: 400 });
      expect(bad.body.error.details.errors[0].path).toEqual([query.startsWith('?since') ? 'since' : 'months']);
    }
  });
});
