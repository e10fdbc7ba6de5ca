/** The agency-access admin API's shapes, shared by the server, the admin panel and the tests. */

export type AdminUserView = { id: number; firstname: string | null; lastname: string | null; email: string; isActive: boolean };

/** `GET /agency-access/agencies/:documentId/members`. */
export type MembersResponse = { data: { agencyDocumentId: string; members: AdminUserView[]; users: AdminUserView[] } };

/** `PUT /agency-access/agencies/:documentId/members` body. */
export type MembersInput = { userIds: number[] };

/** `GET /agency-access/me`: the caller's agencies, and whether their access is unscoped. */
export type MyAgenciesResponse = {
  data: { agencies: Array<{ documentId: string; code: string; name: string }>; unscoped: boolean };
};
