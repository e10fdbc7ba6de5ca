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
