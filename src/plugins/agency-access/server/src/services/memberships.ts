import type { Core } from '@strapi/strapi';
import { auditTrail } from '../../../../../common/audit';
import { fieldError } from '../../../../../common/errors';
import type { AdminUserView } from '../../../contracts';
import { AGENCY_UID, MEMBERSHIP_UID } from '../constants';

type MembershipRow = { id: number; userId: number; agencyDocumentId: string };
type AdminUserRow = { id: number; firstname: string | null; lastname: string | null; email: string; isActive: boolean };

const view = (user: AdminUserRow): AdminUserView => ({
  id: user.id,
  firstname: user.firstname ?? null,
  lastname: user.lastname ?? null,
  email: user.email,
  isActive: !!user.isActive,
});

const USER_FIELDS = ['id', 'firstname', 'lastname', 'email', 'isActive'];

/** Who belongs to which agency. Written only here (through the query engine), every change audited. */
const memberships = ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(MEMBERSHIP_UID);

  const agencyExists = async (documentId: string) => (await strapi.db.query(AGENCY_UID).count({ where: { documentId } })) > 0;

  return {
    /** The agencies (documentIds) an admin user belongs to. */
    async agenciesOf(userId: number): Promise<string[]> {
      const found = (await rows().findMany({ where: { userId }, select: ['agencyDocumentId'] })) as MembershipRow[];
      return [...new Set(found.map((row) => row.agencyDocumentId))];
    },

    /** The agencies of a user with their code and name (in the default locale when there are several). */
    async describeAgenciesOf(userId: number): Promise<Array<{ documentId: string; code: string; name: string }>> {
      const ids = await this.agenciesOf(userId);
      if (ids.length === 0) return [];
      const agencies = (await strapi.db.query(AGENCY_UID).findMany({
        where: { documentId: { $in: ids } },
        select: ['documentId', 'code', 'name', 'locale'],
        orderBy: [{ code: 'asc' }, { locale: 'desc' }],
      })) as Array<{ documentId: string; code: string; name: string; locale: string | null }>;
      const byDocument = new Map<string, { documentId: string; code: string; name: string }>();
      for (const agency of agencies) {
        const current = byDocument.get(agency.documentId);
        if (!current || agency.locale === 'vi') byDocument.set(agency.documentId, { documentId: agency.documentId, code: agency.code, name: agency.name });
      }
      return [...byDocument.values()];
    },

    /** Members of an agency and every admin user (to choose from); 404 when the agency does not exist. */
    async membersOf(agencyDocumentId: string): Promise<{ members: AdminUserView[]; users: AdminUserView[] } | null> {
      if (!(await agencyExists(agencyDocumentId))) return null;
      const memberIds = ((await rows().findMany({ where: { agencyDocumentId }, select: ['userId'] })) as MembershipRow[]).map((row) => row.userId);
      const users = ((await strapi.db.query('admin::user').findMany({ select: USER_FIELDS, orderBy: { email: 'asc' } })) as AdminUserRow[]).map(view);
      return { members: users.filter((user) => memberIds.includes(user.id)), users };
    },

    /**
     * Makes `userIds` exactly the members of the agency. Unknown user ids are a 400 naming them.
     * Returns the new members, or null when the agency does not exist.
     */
    async setMembers(agencyDocumentId: string, userIds: number[]): Promise<AdminUserView[] | null> {
      if (!(await agencyExists(agencyDocumentId))) return null;
      const wanted = [...new Set(userIds)];
      const users = (await strapi.db.query('admin::user').findMany({ where: { id: { $in: wanted } }, select: USER_FIELDS })) as AdminUserRow[];
      const unknown = wanted.filter((id) => !users.some((user) => user.id === id));
      if (unknown.length > 0) throw fieldError('userIds', `No admin user with id ${unknown.join(', ')}`, { unknown });

      const current = (await rows().findMany({ where: { agencyDocumentId } })) as MembershipRow[];
      const added = wanted.filter((id) => !current.some((row) => row.userId === id));
      const removed = current.filter((row) => !wanted.includes(row.userId));
      if (added.length === 0 && removed.length === 0) return users.map(view);

      await strapi.db.transaction(async () => {
        if (removed.length > 0) await rows().deleteMany({ where: { id: { $in: removed.map((row) => row.id) } } });
        for (const userId of added) await rows().create({ data: { userId, agencyDocumentId } });
      });
      const agency = (await strapi.db.query(AGENCY_UID).findOne({ where: { documentId: agencyDocumentId }, select: ['code'] })) as { code: string } | null;
      await auditTrail(strapi).record({
        action: 'admin.user.agencies',
        subject: { type: AGENCY_UID, documentId: agencyDocumentId, label: agency?.code ?? null },
        details: { added, removed: [...new Set(removed.map((row) => row.userId))], members: wanted },
      });
      return users.map(view);
    },

    /** Drops the memberships of a deleted admin user (called from the admin::user lifecycle). */
    async forgetUser(userId: number): Promise<void> {
      await rows().deleteMany({ where: { userId } });
    },
  };
};

export default memberships;
