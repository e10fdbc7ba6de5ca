import type { Core } from '@strapi/strapi';
import { asAdmin, createAdminUser } from './admin';
import { agencyData, createDocument } from './content';

export const AGENCY_UID = 'api::agency.agency';
export const COORDINATOR_ROLE = 'agency-coordinator';
/** Env for suites about agency scoping: the product's default (tests/helpers/env.ts turns it off for the others). */
export const SCOPED_ENV = { AGENCY_SCOPED_ROLES: 'true' } as const;

export type Member = { id: number; email: string; token: string };

/** Creates an agency (vi, with an en name) and returns its documentId. */
export const createAgency = async (strapi: Core.Strapi, code: string): Promise<string> =>
  (await createDocument(strapi, AGENCY_UID, agencyData({ code, name: `Đơn vị ${code}` }), { en: { name: `Agency ${code}` } })).documentId;

/**
 * Makes `userIds` the members of an agency through the admin API (the agency edit view's panel),
 * as the super admin whose token is given.
 */
export const setMembers = async (strapi: Core.Strapi, superAdminToken: string, agencyDocumentId: string, userIds: number[]) => {
  const response = await asAdmin(strapi, superAdminToken).put(`/agency-access/agencies/${agencyDocumentId}/members`).send({ userIds });
  if (response.status !== 200) throw new Error(`setting members failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response;
};

/** An admin user with the given roles, member of the given agencies (set by the super admin). */
export const createMember = async (
  strapi: Core.Strapi,
  superAdminToken: string,
  { email, roleCodes, agencies }: { email: string; roleCodes: string[]; agencies: string[] },
): Promise<Member> => {
  const user = await createAdminUser(strapi, { email, roleCodes });
  for (const agency of agencies) {
    const current = await asAdmin(strapi, superAdminToken).get(`/agency-access/agencies/${agency}/members`);
    const ids = (current.body.data.members as Array<{ id: number }>).map((member) => member.id);
    await setMembers(strapi, superAdminToken, agency, [...ids, user.id]);
  }
  return user;
};
