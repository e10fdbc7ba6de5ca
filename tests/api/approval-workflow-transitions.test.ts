import { asAdmin, SUPER_ADMIN_ENV } from '../helpers/admin';
import {
  approvePolicy,
  createConsultationDraft,
  createPolicyDraft,
  createTeam,
  documentUrl,
  DRAFT,
  POLICY,
  stageOf,
  transition,
  type Team,
} from '../helpers/approval-workflow';
import { startTestApp, type TestApp } from '../helpers/strapi';

type Stage = 'draft' | 'in-review' | 'changes-requested' | 'approved';
type Action = 'submit' | 'approve' | 'request-changes' | 'withdraw' | 'force-approve';

let app: TestApp;
let team: Team;

beforeAll(async () => {
  app = await startTestApp('aw_transitions', SUPER_ADMIN_ENV);
  team = await createTeam(app.strapi);
});

afterAll(async () => {
  await app?.stop();
});

/**
 * A consultation draft (one approval needed) brought to `stage` by the people allowed to: the
 * editor submits, reviewer 1 requests changes or approves.
 */
const draftInStage = async (stage: Stage): Promise<string> => {
  const documentId = await createConsultationDraft(app.strapi);
  const steps: Array<[keyof Team, Action, string?]> =
    stage === 'in-review'
      ? [['editor', 'submit']]
      : stage === 'changes-requested'
        ? [['editor', 'submit'], ['reviewer', 'request-changes', 'Bổ sung căn cứ pháp lý']]
        : stage === 'approved'
          ? [['editor', 'submit'], ['reviewer', 'approve']]
          : [];
  for (const [who, action, comment] of steps) {
    const response = await transition(app.strapi, team[who], DRAFT, documentId, { action, comment });
    expect(response.status).toBe(200);
  }
  return documentId;
};

/** Who may attempt each action in the matrix (has the permission and is not the submitter). */
const actorFor: Record<Action, keyof Team> = {
  submit: 'editor',
  withdraw: 'editor',
  approve: 'reviewer',
  'request-changes': 'reviewer',
  'force-approve': 'superAdmin',
};

const ALLOWED: Record<Stage, Record<Action, Stage | null>> = {
  draft: { submit: 'in-review', approve: null, 'request-changes': null, withdraw: null, 'force-approve': 'approved' },
  'in-review': { submit: null, approve: 'approved', 'request-changes': 'changes-requested', withdraw: 'draft', 'force-approve': 'approved' },
  'changes-requested': { submit: 'in-review', approve: null, 'request-changes': null, withdraw: null, 'force-approve': 'approved' },
  approved: { submit: null, approve: null, 'request-changes': null, withdraw: null, 'force-approve': null },
};

const matrix = (Object.keys(ALLOWED) as Stage[]).flatMap((stage) =>
  (Object.keys(ALLOWED[stage]) as Action[]).map((action) => [stage, action, ALLOWED[stage][action]] as const),
);

describe('the transition matrix', () => {
  it.each(matrix)('from %s, %s leads to %s (null = refused with 409)', async (stage, action, expected) => {
    const documentId = await draftInStage(stage);
    const comment = action === 'request-changes' || action === 'force-approve' ? 'Lý do ghi nhận' : undefined;
    const response = await transition(app.strapi, team[actorFor[action]], DRAFT, documentId, { action, comment });
    if (expected) {
      expect(response.status).toBe(200);
      expect(response.body.data.stage).toBe(expected);
      expect(await stageOf(app.strapi, team, DRAFT, documentId)).toBe(expected);
    } else {
      expect(response.status).toBe(409);
      expect(response.body.error.message).toContain(`"${stage}"`);
      expect(response.body.error.message).toContain('Allowed actions');
      expect(response.body.error.details.stage).toBe(stage);
      const allowedFromStage = (Object.keys(ALLOWED[stage]) as Action[]).filter((candidate) => ALLOWED[stage][candidate] !== null);
      expect([...response.body.error.details.allowedActions].sort()).toEqual(allowedFromStage.sort());
      expect(await stageOf(app.strapi, team, DRAFT, documentId)).toBe(stage);
    }
  });
});

describe('four eyes', () => {
  it('refuses the submitter approving their own submission, even with the approve permission', async () => {
    const documentId = await createPolicyDraft(app.strapi);
    const submitted = await transition(app.strapi, team.superAdmin, POLICY, documentId, { action: 'submit' });
    expect(submitted.status).toBe(200);
    const selfApproval = await transition(app.strapi, team.superAdmin, POLICY, documentId, { action: 'approve' });
    expect(selfApproval.status).toBe(403);
    expect(selfApproval.body.error.message).toMatch(/four-eyes/i);
    expect(await stageOf(app.strapi, team, POLICY, documentId)).toBe('in-review');
  });

  it('lets only the submitter withdraw a submission', async () => {
    const documentId = await createPolicyDraft(app.strapi);
    await transition(app.strapi, team.editor, POLICY, documentId, { action: 'submit' });
    const byOther = await transition(app.strapi, team.editor2, POLICY, documentId, { action: 'withdraw' });
    expect(byOther.status).toBe(403);
    const byOwner = await transition(app.strapi, team.editor, POLICY, documentId, { action: 'withdraw' });
    expect(byOwner.status).toBe(200);
    expect(byOwner.body.data.stage).toBe('draft');
  });

  it('starts a new round after changes were requested: earlier approvals no longer count', async () => {
    const documentId = await createPolicyDraft(app.strapi);
    await transition(app.strapi, team.editor, POLICY, documentId, { action: 'submit' });
    await transition(app.strapi, team.reviewer, POLICY, documentId, { action: 'approve' });
    const changes = await transition(app.strapi, team.leader, POLICY, documentId, { action: 'request-changes', comment: 'Thiếu số liệu' });
    expect(changes.body.data).toMatchObject({ stage: 'changes-requested', approvals: [] });
    await transition(app.strapi, team.editor, POLICY, documentId, { action: 'submit' });
    const one = await transition(app.strapi, team.reviewer, POLICY, documentId, { action: 'approve' });
    expect(one.status).toBe(200);
    expect(one.body.data.stage).toBe('in-review');
    expect(one.body.data.nextStep).toMatchObject({ index: 1, key: 'leader' });
  });
});

describe('role-specific steps', () => {
  const cm = (uid: string, documentId: string) => `/content-manager/collection-types/${uid}/${documentId}`;
  const submitted = async (uid = POLICY) => {
    const documentId = uid === POLICY ? await createPolicyDraft(app.strapi) : await createConsultationDraft(app.strapi);
    expect((await transition(app.strapi, team.editor, uid, documentId, { action: 'submit' })).status).toBe(200);
    return documentId;
  };
  const publishAsLeader = (uid: string, documentId: string) =>
    asAdmin(app.strapi, team.leader.token).post(`${cm(uid, documentId)}/actions/publish?locale=vi`).send({});

  it('does not approve a policy on two reviewers: it stays in review and publishing is refused', async () => {
    const documentId = await submitted();
    expect((await transition(app.strapi, team.reviewer, POLICY, documentId, { action: 'approve' })).status).toBe(200);
    const second = await transition(app.strapi, team.reviewer2, POLICY, documentId, { action: 'approve' });
    expect(second.status).toBe(403);
    expect(second.body.error.message).toContain('This step needs a Leader (Lãnh đạo): a Reviewer cannot take it');
    expect(await stageOf(app.strapi, team, POLICY, documentId)).toBe('in-review');

    const publish = await publishAsLeader(POLICY, documentId);
    expect(publish.status).toBe(409);
    expect(publish.body.error.details).toMatchObject({ code: 'APPROVAL_REQUIRED', stage: 'in-review', nextStep: 'leader' });
  });

  it('refuses a leader the reviewer step with 403 naming the step and its role', async () => {
    const documentId = await submitted();
    const response = await transition(app.strapi, team.leader, POLICY, documentId, { action: 'approve' });
    expect(response.status).toBe(403);
    expect(response.body.error.message).toMatch(/^This step needs a Reviewer \(Người duyệt\): a Leader cannot take it \(step 1 of 2\)/);
    const status = await asAdmin(app.strapi, team.superAdmin.token).get(`${documentUrl(POLICY, documentId)}?locale=vi`);
    expect(status.body.data.approvals).toEqual([]);
  });

  it('approves a policy once a reviewer then a leader approved, and lets the leader publish it', async () => {
    const documentId = await submitted();
    const first = await transition(app.strapi, team.reviewer, POLICY, documentId, { action: 'approve' });
    expect(first.body.data).toMatchObject({ stage: 'in-review', requiredApprovals: 2, nextStep: { key: 'leader', role: { code: 'approval-workflow-leader' } } });
    const second = await transition(app.strapi, team.leader, POLICY, documentId, { action: 'approve' });
    expect(second.status).toBe(200);
    expect(second.body.data).toMatchObject({ stage: 'approved', nextStep: null });
    expect(second.body.data.steps.map((step: { approval: { actor: { id: number } } }) => step.approval.actor.id)).toEqual([team.reviewer.id, team.leader.id]);
    expect((await publishAsLeader(POLICY, documentId)).status).toBe(200);
  });

  it('lets a person holding both roles take one step only', async () => {
    const documentId = await submitted();
    expect((await transition(app.strapi, team.reviewerLeader, POLICY, documentId, { action: 'approve' })).status).toBe(200);
    const again = await transition(app.strapi, team.reviewerLeader, POLICY, documentId, { action: 'approve' });
    expect(again.status).toBe(403);
    expect(again.body.error.message).toContain('You already approved this document (the Reviewer step); the Leader step must be taken by another person');
    expect(await stageOf(app.strapi, team, POLICY, documentId)).toBe('in-review');
    const asThem = await asAdmin(app.strapi, team.reviewerLeader.token).get(`${documentUrl(POLICY, documentId)}?locale=vi`);
    expect(asThem.body.data.allowedActions).toEqual(['request-changes']);
    expect((await transition(app.strapi, team.leader, POLICY, documentId, { action: 'approve' })).body.data.stage).toBe('approved');
  });

  it('approves a consultation draft on one reviewer, and refuses a leader its reviewer step', async () => {
    const documentId = await submitted(DRAFT);
    const byLeader = await transition(app.strapi, team.leader, DRAFT, documentId, { action: 'approve' });
    expect(byLeader.status).toBe(403);
    expect(byLeader.body.error.message).toContain('This step needs a Reviewer (Người duyệt): a Leader cannot take it (step 1 of 1)');
    const byReviewer = await transition(app.strapi, team.reviewer, DRAFT, documentId, { action: 'approve' });
    expect(byReviewer.status).toBe(200);
    expect(byReviewer.body.data).toMatchObject({ stage: 'approved', requiredApprovals: 1, steps: [{ key: 'reviewer', approval: { actor: { id: team.reviewer.id } } }] });
    expect((await publishAsLeader(DRAFT, documentId)).status).toBe(200);
  });

  it('refuses a super admin without the step’s role an ordinary approval; force-approve stays theirs', async () => {
    const documentId = await submitted();
    const response = await transition(app.strapi, team.superAdmin, POLICY, documentId, { action: 'approve' });
    expect(response.status).toBe(403);
    expect(response.body.error.message).toContain('This step needs a Reviewer (Người duyệt): you do not hold that role');
    const status = await asAdmin(app.strapi, team.superAdmin.token).get(`${documentUrl(POLICY, documentId)}?locale=vi`);
    expect(status.body.data.allowedActions).toEqual(['request-changes', 'force-approve']);
  });
});

describe('force-approve', () => {
  it('needs a written reason (400)', async () => {
    const documentId = await createPolicyDraft(app.strapi);
    for (const comment of [undefined, '', '   ']) {
      const response = await transition(app.strapi, team.superAdmin, POLICY, documentId, { action: 'force-approve', comment });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(/reason is required/);
    }
  });

  it('is refused to everyone but a super admin (403)', async () => {
    const documentId = await createPolicyDraft(app.strapi);
    for (const person of [team.editor, team.reviewer, team.leader]) {
      const response = await transition(app.strapi, person, POLICY, documentId, { action: 'force-approve', comment: 'Khẩn cấp' });
      expect(response.status).toBe(403);
    }
    expect(await stageOf(app.strapi, team, POLICY, documentId)).toBe('draft');
  });

  it('approves at once when a super admin gives a reason, and records it as forced', async () => {
    const documentId = await createPolicyDraft(app.strapi);
    const response = await transition(app.strapi, team.superAdmin, POLICY, documentId, {
      action: 'force-approve',
      comment: 'Thông tin khẩn cấp về phòng chống thiên tai',
    });
    expect(response.status).toBe(200);
    expect(response.body.data.stage).toBe('approved');
    const status = await asAdmin(app.strapi, team.superAdmin.token).get(`${documentUrl(POLICY, documentId)}?locale=vi`);
    const last = status.body.data.history.at(-1);
    expect(last).toMatchObject({
      action: 'force-approve',
      from: 'draft',
      to: 'approved',
      forced: true,
      comment: 'Thông tin khẩn cấp về phòng chống thiên tai',
      actor: { id: team.superAdmin.id },
    });
  });
});

describe('the admin API answers bad requests clearly', () => {
  it('answers 400 for request-changes without a comment, an unknown action or unknown fields', async () => {
    const documentId = await createPolicyDraft(app.strapi);
    await transition(app.strapi, team.editor, POLICY, documentId, { action: 'submit' });
    for (const body of [{ action: 'request-changes' }, { action: 'publish' }, { action: 'approve', extra: 1 }, {}, { action: 'approve', locale: '../x' }]) {
      const response = await transition(app.strapi, team.reviewer, POLICY, documentId, body);
      expect(response.status).toBe(400);
      expect(response.body.error.name).toBe('ValidationError');
    }
  });

  it('answers 404 for an unknown document, locale or content type', async () => {
    const documentId = await createPolicyDraft(app.strapi);
    const unknownDocument = await transition(app.strapi, team.editor, POLICY, 'doesnotexist0000000000000', { action: 'submit' });
    expect(unknownDocument.status).toBe(404);
    const unknownLocale = await transition(app.strapi, team.editor, POLICY, documentId, { action: 'submit', locale: 'en' });
    expect(unknownLocale.status).toBe(404);
    const uncovered = await asAdmin(app.strapi, team.superAdmin.token).get(documentUrl('api::agency.agency', documentId));
    expect(uncovered.status).toBe(404);
    const missingType = await asAdmin(app.strapi, team.superAdmin.token).get(documentUrl('api::nothing.nothing', documentId));
    expect(missingType.status).toBe(404);
  });

  it('answers 401 without an admin token', async () => {
    const documentId = await createPolicyDraft(app.strapi);
    const response = await app.http().post(`${documentUrl(POLICY, documentId)}/transitions`).send({ action: 'submit' });
    expect(response.status).toBe(401);
  });
});

describe('reading a document through the admin API', () => {
  it('returns the stage, approvals, history with actors, and the actions the caller may take', async () => {
    const documentId = await createPolicyDraft(app.strapi);
    await transition(app.strapi, team.editor, POLICY, documentId, { action: 'submit', comment: 'Kính trình' });
    await transition(app.strapi, team.reviewer, POLICY, documentId, { action: 'approve' });

    const asLeader = await asAdmin(app.strapi, team.leader.token).get(`${documentUrl(POLICY, documentId)}?locale=vi`);
    expect(asLeader.status).toBe(200);
    const leaderStep = { index: 1, key: 'leader', role: { code: 'approval-workflow-leader', name: 'Lãnh đạo / Leader' }, approval: null };
    expect(asLeader.body.data).toMatchObject({
      documentId,
      locale: 'vi',
      stage: 'in-review',
      requiredApprovals: 2,
      steps: [
        {
          index: 0,
          key: 'reviewer',
          role: { code: 'approval-workflow-reviewer', name: 'Người duyệt / Reviewer' },
          approval: { actor: { id: team.reviewer.id, firstname: 'reviewer', lastname: 'Test' }, forced: false, step: 0 },
        },
        leaderStep,
      ],
      nextStep: leaderStep,
      approvals: [{ actor: { id: team.reviewer.id, firstname: 'reviewer', lastname: 'Test' }, forced: false, step: 0 }],
      allowedActions: ['approve', 'request-changes'],
    });
    expect(typeof asLeader.body.data.steps[0].approval.at).toBe('string');
    expect(asLeader.body.data.history).toEqual([
      expect.objectContaining({ action: 'submit', from: 'draft', to: 'in-review', comment: 'Kính trình', actor: { id: team.editor.id, firstname: 'editor', lastname: 'Test' } }),
      expect.objectContaining({ action: 'approve', from: 'in-review', to: 'in-review', comment: null, step: 'reviewer', actor: expect.objectContaining({ id: team.reviewer.id }) }),
    ]);
    expect(asLeader.body.data.history[0].step).toBeNull();
    expect(typeof asLeader.body.data.history[0].at).toBe('string');
    expect(asLeader.body.data.history[0].contentHash).toMatch(/^[0-9a-f]{64}$/);

    const asEditor = await asAdmin(app.strapi, team.editor.token).get(`${documentUrl(POLICY, documentId)}?locale=vi`);
    expect(asEditor.body.data.allowedActions).toEqual(['withdraw']);
    const asReviewer = await asAdmin(app.strapi, team.reviewer.token).get(`${documentUrl(POLICY, documentId)}?locale=vi`);
    expect(asReviewer.body.data.allowedActions).toEqual(['request-changes']);
  });

  it('uses the default locale when none is given, and rejects unknown query parameters', async () => {
    const documentId = await createPolicyDraft(app.strapi);
    const response = await asAdmin(app.strapi, team.editor.token).get(documentUrl(POLICY, documentId));
    expect(response.status).toBe(200);
    expect(response.body.data.locale).toBe('vi');
    const unknown = await asAdmin(app.strapi, team.editor.token).get(`${documentUrl(POLICY, documentId)}?foo=bar`);
    expect(unknown.status).toBe(400);
  });
});

describe('notifications', () => {
  it('emits approval-workflow.transition on the event hub after each transition', async () => {
    const events: unknown[] = [];
    const listener = async (event: unknown) => {
      events.push(event);
    };
    app.strapi.eventHub.on('approval-workflow.transition', listener);
    try {
      const documentId = await createPolicyDraft(app.strapi);
      await transition(app.strapi, team.editor, POLICY, documentId, { action: 'submit' });
      expect(events).toEqual([
        expect.objectContaining({
          uid: POLICY,
          documentId,
          locale: 'vi',
          action: 'submit',
          from: 'draft',
          to: 'in-review',
          actor: { id: team.editor.id, firstname: 'editor', lastname: 'Test' },
          actorKind: 'admin',
        }),
      ]);
    } finally {
      app.strapi.eventHub.off('approval-workflow.transition', listener);
    }
  });

  it('emits nothing for a refused transition', async () => {
    const events: unknown[] = [];
    const listener = async (event: unknown) => {
      events.push(event);
    };
    app.strapi.eventHub.on('approval-workflow.transition', listener);
    try {
      const documentId = await createPolicyDraft(app.strapi);
      await transition(app.strapi, team.reviewer, POLICY, documentId, { action: 'approve' });
      expect(events).toEqual([]);
    } finally {
      app.strapi.eventHub.off('approval-workflow.transition', listener);
    }
  });
});

describe('the inbox', () => {
  it('lists, oldest first, what waits for the caller, with filters', async () => {
    const first = await createPolicyDraft(app.strapi, { title: 'Inbox A' });
    const second = await createPolicyDraft(app.strapi, { title: 'Inbox B' });
    const sentBack = await createPolicyDraft(app.strapi, { title: 'Inbox C' });
    const approved = await createPolicyDraft(app.strapi, { title: 'Inbox D' });
    await transition(app.strapi, team.editor, POLICY, first, { action: 'submit' });
    await transition(app.strapi, team.editor, POLICY, second, { action: 'submit' });
    await transition(app.strapi, team.editor, POLICY, sentBack, { action: 'submit' });
    await transition(app.strapi, team.reviewer2, POLICY, sentBack, { action: 'request-changes', comment: 'Sửa lại' });
    await approvePolicy(app.strapi, team, approved);
    await transition(app.strapi, team.reviewer, POLICY, second, { action: 'approve' });

    const inbox = (token: string, query = '') => asAdmin(app.strapi, token).get(`/approval-workflow/inbox${query}`);
    const ids = (response: { body: { data: Array<{ documentId: string }> } }) => response.body.data.map((item) => item.documentId);

    const reviewer = await inbox(team.reviewer.token, `?contentType=${POLICY}`);
    expect(reviewer.status).toBe(200);
    expect(ids(reviewer)).toContain(first);
    expect(ids(reviewer)).not.toContain(second); // already approved by this reviewer
    expect(ids(reviewer)).not.toContain(sentBack);
    const item = reviewer.body.data.find((entry: { documentId: string }) => entry.documentId === first);
    expect(item).toMatchObject({ uid: POLICY, title: 'Inbox A', stage: 'in-review', awaiting: 'review', locale: 'vi', approvalCount: 0, requiredApprovals: 2 });
    expect(item.nextStep).toMatchObject({ index: 0, key: 'reviewer', role: { code: 'approval-workflow-reviewer' } });

    const leader = await inbox(team.leader.token, `?contentType=${POLICY}`);
    expect(ids(leader)).toEqual(expect.arrayContaining([second, approved]));
    expect(ids(leader)).not.toContain(first); // its reviewer step comes first
    expect(leader.body.data.find((entry: { documentId: string }) => entry.documentId === second).nextStep).toMatchObject({ key: 'leader' });
    expect(leader.body.data.find((entry: { documentId: string }) => entry.documentId === approved).awaiting).toBe('publication');
    const waitingSince = leader.body.data.map((entry: { waitingSince: string }) => entry.waitingSince);
    expect([...waitingSince].sort()).toEqual(waitingSince);

    const editor = await inbox(team.editor.token, '?stage=changes-requested');
    expect(ids(editor)).toContain(sentBack);
    expect(editor.body.data.every((entry: { stage: string; awaiting: string }) => entry.stage === 'changes-requested' && entry.awaiting === 'resubmission')).toBe(true);

    const filtered = await inbox(team.leader.token, `?contentType=${DRAFT}&stage=in-review`);
    expect(ids(filtered)).not.toContain(first);
    expect(filtered.body.meta.filters.contentTypes.map((entry: { uid: string }) => entry.uid)).toEqual([
      POLICY,
      DRAFT,
      'api::radio-script.radio-script',
    ]);

    const paged = await inbox(team.leader.token, `?contentType=${POLICY}&pageSize=1&page=2`);
    expect(paged.body.data).toHaveLength(1);
    expect(paged.body.meta.pagination).toMatchObject({ page: 2, pageSize: 1 });

    await app.strapi.documents(POLICY as never).publish({ documentId: approved, locale: 'vi' } as never);
    expect(ids(await inbox(team.leader.token, `?contentType=${POLICY}`))).not.toContain(approved);
  });

  it('shows a policy to reviewers first, and to leaders only once the reviewer step is taken', async () => {
    const documentId = await createPolicyDraft(app.strapi, { title: 'Inbox steps' });
    await transition(app.strapi, team.editor, POLICY, documentId, { action: 'submit' });
    const inboxIds = async (token: string, stage = 'in-review') =>
      ((await asAdmin(app.strapi, token).get(`/approval-workflow/inbox?contentType=${POLICY}&stage=${stage}&pageSize=100`)).body.data as Array<{
        documentId: string;
      }>).map((item) => item.documentId);

    expect(await inboxIds(team.reviewer.token)).toContain(documentId);
    expect(await inboxIds(team.reviewer2.token)).toContain(documentId);
    expect(await inboxIds(team.leader.token)).not.toContain(documentId);

    expect((await transition(app.strapi, team.reviewer, POLICY, documentId, { action: 'approve' })).status).toBe(200);
    expect(await inboxIds(team.reviewer.token)).not.toContain(documentId);
    expect(await inboxIds(team.reviewer2.token)).not.toContain(documentId);
    expect(await inboxIds(team.leader.token)).toContain(documentId);

    expect((await transition(app.strapi, team.leader, POLICY, documentId, { action: 'approve' })).status).toBe(200);
    expect(await inboxIds(team.leader.token)).not.toContain(documentId);
    expect(await inboxIds(team.leader.token, 'approved')).toContain(documentId);
  });

  it('rejects unknown filters with 400', async () => {
    for (const query of ['?stage=published', '?pageSize=1000', '?contentType=nope', '?sort=title']) {
      const response = await asAdmin(app.strapi, team.leader.token).get(`/approval-workflow/inbox${query}`);
      expect(response.status).toBe(400);
    }
  });
});

describe('concurrent transitions', () => {
  it('let exactly one of two simultaneous approvals through when one is needed', async () => {
    const documentId = await createConsultationDraft(app.strapi);
    await transition(app.strapi, team.editor, DRAFT, documentId, { action: 'submit' });
    const responses = await Promise.all([
      transition(app.strapi, team.reviewer, DRAFT, documentId, { action: 'approve' }),
      transition(app.strapi, team.reviewer2, DRAFT, documentId, { action: 'approve' }),
    ]);
    expect(responses.map((response) => response.status).sort()).toEqual([200, 409]);
    const status = await asAdmin(app.strapi, team.superAdmin.token).get(`${documentUrl(DRAFT, documentId)}?locale=vi`);
    expect(status.body.data.approvals).toHaveLength(1);
    expect(status.body.data.history.filter((entry: { action: string }) => entry.action === 'approve')).toHaveLength(1);
  });

  it('let exactly one of two simultaneous first submissions through', async () => {
    const documentId = await createPolicyDraft(app.strapi);
    const responses = await Promise.all([
      transition(app.strapi, team.editor, POLICY, documentId, { action: 'submit' }),
      transition(app.strapi, team.editor2, POLICY, documentId, { action: 'submit' }),
    ]);
    expect(responses.map((response) => response.status).sort()).toEqual([200, 409]);
    expect(await stageOf(app.strapi, team, POLICY, documentId)).toBe('in-review');
  });
});
