import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { notFoundError, parseOrThrow } from '../../../../../common/errors';
import type { RequestContext } from '../../../../../common/http';
import { COORDINATOR_ROLE_CODE } from '../../../../../common/agency-scope';
import type { MembersResponse, MyAgenciesResponse } from '../../../contracts';
import { getService } from '../utils/get-service';

const documentIdParam = z.object({ documentId: z.string().regex(/^[a-z0-9]{1,64}$/, 'must be an agency documentId') });
const membersInput = z.object({ userIds: z.array(z.number().int().positive()).max(1000) }).strict();

type AdminState = { user?: { id: number | string; roles?: Array<{ code?: string }> } };

const SUPER_ADMIN = 'strapi-super-admin';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: RequestContext) {
    const { documentId } = parseOrThrow(documentIdParam, ctx.params);
    const found = await getService(strapi, 'memberships').membersOf(documentId);
    if (!found) throw notFoundError(`No agency with documentId ${documentId}`);
    const body: MembersResponse = { data: { agencyDocumentId: documentId, ...found } };
    ctx.body = body;
  },

  async update(ctx: RequestContext) {
    const { documentId } = parseOrThrow(documentIdParam, ctx.params);
    const { userIds } = parseOrThrow(membersInput, ctx.request.body ?? {});
    const service = getService(strapi, 'memberships');
    if (!(await service.setMembers(documentId, userIds))) throw notFoundError(`No agency with documentId ${documentId}`);
    const found = await service.membersOf(documentId);
    const body: MembersResponse = { data: { agencyDocumentId: documentId, ...(found ?? { members: [], users: [] }) } };
    ctx.body = body;
  },

  async me(ctx: RequestContext) {
    const user = (ctx.state as AdminState).user;
    const userId = Number(user?.id);
    const codes = (user?.roles ?? []).map((role) => role.code);
    const body: MyAgenciesResponse = {
      data: {
        agencies: await getService(strapi, 'memberships').describeAgenciesOf(userId),
        unscoped: codes.includes(SUPER_ADMIN) || codes.includes(COORDINATOR_ROLE_CODE),
      },
    };
    ctx.body = body;
  },
});
