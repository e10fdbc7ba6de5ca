import type { Core } from '@strapi/strapi';
import { asAdmin, createAdminUser, loginAdmin, SUPER_ADMIN } from './admin';

export const POLICY = 'api::policy.policy';
export const DRAFT = 'api::consultation-draft.consultation-draft';

/** Role codes the approval-workflow plugin creates at bootstrap. */
export const ROLE_CODES = {
  editor: 'approval-workflow-editor',
  reviewer: 'approval-workflow-reviewer',
  leader: 'approval-workflow-leader',
} as const;

export type Person = { id: number; email: string; token: string };
export type Team = {
  editor: Person;
  editor2: Person;
  reviewer: Person;
  reviewer2: Person;
  leader: Person;
  /** Holds both the Reviewer and the Leader role (one person may still take only one step). */
  reviewerLeader: Person;
  superAdmin: Person;
};

/**
 * One admin per editorial role (two editors and two reviewers for the four-eyes cases), one holding
 * both step roles, plus the super admin.
 */
export const createTeam = async (strapi: Core.Strapi, prefix = 'aw'): Promise<Team> => {
  const make = (name: string, ...roles: Array<keyof typeof ROLE_CODES>) =>
    createAdminUser(strapi, { email: `${prefix}-${name}@test.gov.vn`, firstname: name, lastname: 'Test', roleCodes: roles.map((role) => ROLE_CODES[role]) });
  const editor = await make('editor', 'editor');
  const editor2 = await make('editor2', 'editor');
  const reviewer = await make('reviewer', 'reviewer');
  const reviewer2 = await make('reviewer2', 'reviewer');
  const leader = await make('leader', 'leader');
  const reviewerLeader = await make('reviewerleader', 'reviewer', 'leader');
  const superAdminUser = (await strapi.db.query('admin::user').findOne({ where: { email: SUPER_ADMIN.email } })) as { id: number };
  const superAdmin = { id: superAdminUser.id, email: SUPER_ADMIN.email, token: await loginAdmin(strapi, SUPER_ADMIN.email, SUPER_ADMIN.password) };
  return { editor, editor2, reviewer, reviewer2, leader, reviewerLeader, superAdmin };
};

let counter = 0;

/** A new policy draft (locale vi) created through the document service; returns its documentId. */
export const createPolicyDraft = async (strapi: Core.Strapi, data: Record<string, unknown> = {}): Promise<string> => {
  counter += 1;
  const created = (await strapi.documents(POLICY as never).create({
    data: { title: `Chính sách thử nghiệm ${counter}`, summary: `Tóm tắt chính sách ${counter}`, ...data },
    locale: 'vi',
  } as never)) as { documentId: string };
  return created.documentId;
};

/** A new consultation-draft draft (locale vi) linked to a new policy. */
export const createConsultationDraft = async (strapi: Core.Strapi): Promise<string> => {
  const policy = await createPolicyDraft(strapi);
  counter += 1;
  const created = (await strapi.documents(DRAFT as never).create({
    data: {
      title: `Dự thảo lấy ý kiến ${counter}`,
      policy,
      version: 1,
      opensAt: '2030-01-01T00:00:00.000Z',
      closesAt: '2030-02-01T00:00:00.000Z',
    },
    locale: 'vi',
  } as never)) as { documentId: string };
  return created.documentId;
};

export const documentUrl = (uid: string, documentId: string) => `/approval-workflow/documents/${uid}/${documentId}`;

/** POSTs a transition as `person`; returns the supertest response. */
export const transition = (strapi: Core.Strapi, person: Person, uid: string, documentId: string, body: Record<string, unknown>) =>
  asAdmin(strapi, person.token).post(`${documentUrl(uid, documentId)}/transitions`).send(body);

/** Takes a policy from draft to approved: editor submits, reviewer then leader approve. */
export const approvePolicy = async (strapi: Core.Strapi, team: Team, documentId: string): Promise<void> => {
  for (const [person, action] of [
    [team.editor, 'submit'],
    [team.reviewer, 'approve'],
    [team.leader, 'approve'],
  ] as const) {
    const response = await transition(strapi, person, POLICY, documentId, { action });
    if (response.status !== 200) throw new Error(`${action} failed: ${response.status} ${JSON.stringify(response.body)}`);
  }
};

/** The stage the admin API reports for a document (as the super admin). */
export const stageOf = async (strapi: Core.Strapi, team: Team, uid: string, documentId: string, locale = 'vi'): Promise<string> => {
  const response = await asAdmin(strapi, team.superAdmin.token).get(`${documentUrl(uid, documentId)}?locale=${locale}`);
  if (response.status !== 200) throw new Error(`status read failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.data.stage as string;
};
