import type { Core } from '@strapi/strapi';
import { auditTrail, type AuditAction, type AuditDetails } from '../common/audit';
import type { RequestContext as Context } from '../common/http';

type Action = (this: unknown, ctx: Context, ...rest: unknown[]) => unknown;
type Controller = Record<string, Action>;

type RoleRow = { id: number; name?: string | null; code?: string | null };
type UserRow = { id: number; email?: string | null; roles?: RoleRow[] };
type PermissionRow = { action: string; subject?: string | null };

const ROLE_UID = 'admin::role';
const USER_UID = 'admin::user';
/** At most this many permission keys are listed per entry (the counts are always complete). */
const LISTED_PERMISSIONS = 30;

const succeeded = (ctx: Context): boolean => ctx.status >= 200 && ctx.status < 300;

const idsOf = (body: unknown): Array<number | string> => {
  const ids = (body as { ids?: unknown } | null)?.ids;
  return Array.isArray(ids) ? ids.filter((id): id is number | string => typeof id === 'number' || typeof id === 'string') : [];
};

const roleCodes = (user: UserRow | null): string[] => (user?.roles ?? []).map((role) => role.code ?? String(role.id)).sort();

const permissionKey = (permission: PermissionRow): string => (permission.subject ? `${permission.action} ${permission.subject}` : permission.action);

/**
 * Records admin role changes and role assignments in the audit trail, by wrapping the admin API's
 * role and user controllers: the only doors a person has to change roles (the Settings pages
 * use them). Not database lifecycles: a role's permissions are saved as hundreds of permission rows
 * (one lifecycle call each, and `deleteMany` does not say which rows), and the boot's own role
 * shaping (src/bootstrap/stock-roles.ts, the approval plugin) would fill the log with entries no
 * person caused. Roles changed by code are changed by a deployment, which git records. Each entry
 * is written after Strapi's action succeeded; a refused or failed change records nothing.
 */
export const auditAdminRoleChanges = (strapi: Core.Strapi): void => {
  const roles = () => strapi.db.query(ROLE_UID);
  const users = () => strapi.db.query(USER_UID);
  // Ids come from the request: anything but a positive integer is left for Strapi's action to refuse.
  const asId = (id: unknown): number | null => (/^[1-9][0-9]{0,9}$/.test(String(id)) ? Number(id) : null);
  const findRole = async (id: unknown) => {
    const key = asId(id);
    return key === null ? null : ((await roles().findOne({ where: { id: key } })) as RoleRow | null);
  };
  const findUser = async (id: unknown) => {
    const key = asId(id);
    return key === null ? null : ((await users().findOne({ where: { id: key }, populate: ['roles'] })) as UserRow | null);
  };
  const permissionsOf = async (roleId: number) =>
    new Set(((await strapi.db.query('admin::permission').findMany({ where: { role: { id: roleId } } })) as PermissionRow[]).map(permissionKey));

  const record = (action: AuditAction, type: string, row: { id: number; label: string | null }, details: AuditDetails = {}) =>
    auditTrail(strapi).record({ action, subject: { type, id: row.id, label: row.label }, details });

  /** Runs Strapi's action, then `after` if it answered 2xx. */
  const wrap =
    (original: Action, after: (ctx: Context) => Promise<unknown>): Action =>
    async function (this: unknown, ctx: Context, ...rest: unknown[]) {
      const result = await original.call(this, ctx, ...rest);
      if (succeeded(ctx)) await after(ctx);
      return result;
    };

  strapi.get('controllers').extend(ROLE_UID, (original: Controller) => ({
    ...original,
    create: wrap(original.create, async (ctx) => {
      const role = (ctx.body as { data?: RoleRow } | undefined)?.data;
      if (role) await record('admin.role.create', ROLE_UID, { id: role.id, label: role.name ?? null }, { code: role.code ?? null });
    }),
    async update(this: unknown, ctx: Context, ...rest: unknown[]) {
      const before = await findRole(ctx.params.id);
      return wrap(original.update, async () => {
        const after = await findRole(ctx.params.id);
        if (!before || !after) return;
        await record('admin.role.update', ROLE_UID, { id: after.id, label: after.name ?? null }, {
          code: after.code ?? null,
          nameBefore: before.name ?? null,
          nameAfter: after.name ?? null,
        });
      }).call(this, ctx, ...rest);
    },
    async updatePermissions(this: unknown, ctx: Context, ...rest: unknown[]) {
      const role = await findRole(ctx.params.id);
      const before = role ? await permissionsOf(role.id) : new Set<string>();
      return wrap(original.updatePermissions, async () => {
        if (!role) return;
        const after = await permissionsOf(role.id);
        const added = [...after].filter((key) => !before.has(key)).sort();
        const removed = [...before].filter((key) => !after.has(key)).sort();
        await record('admin.role.permissions', ROLE_UID, { id: role.id, label: role.name ?? null }, {
          code: role.code ?? null,
          permissions: after.size,
          addedCount: added.length,
          removedCount: removed.length,
          added: added.slice(0, LISTED_PERMISSIONS),
          removed: removed.slice(0, LISTED_PERMISSIONS),
        });
      }).call(this, ctx, ...rest);
    },
    async deleteOne(this: unknown, ctx: Context, ...rest: unknown[]) {
      const role = await findRole(ctx.params.id);
      return wrap(original.deleteOne, async () => {
        if (role) await record('admin.role.delete', ROLE_UID, { id: role.id, label: role.name ?? null }, { code: role.code ?? null });
      }).call(this, ctx, ...rest);
    },
    async deleteMany(this: unknown, ctx: Context, ...rest: unknown[]) {
      const found = await Promise.all(idsOf(ctx.request.body).map(findRole));
      return wrap(original.deleteMany, async () => {
        for (const role of found) {
          if (role) await record('admin.role.delete', ROLE_UID, { id: role.id, label: role.name ?? null }, { code: role.code ?? null });
        }
      }).call(this, ctx, ...rest);
    },
  }));

  strapi.get('controllers').extend(USER_UID, (original: Controller) => ({
    ...original,
    create: wrap(original.create, async (ctx) => {
      const user = (ctx.body as { data?: UserRow } | undefined)?.data;
      if (user) await record('admin.user.create', USER_UID, { id: user.id, label: user.email ?? null }, { roles: roleCodes(user) });
    }),
    async update(this: unknown, ctx: Context, ...rest: unknown[]) {
      // Only a change of roles is a sensitive action; a form that sends the same roles back is not.
      const assignsRoles = Array.isArray((ctx.request.body as { roles?: unknown } | null)?.roles);
      const before = assignsRoles ? await findUser(ctx.params.id) : null;
      return wrap(original.update, async () => {
        if (!before) return;
        const after = await findUser(ctx.params.id);
        const [was, is] = [roleCodes(before), roleCodes(after)];
        if (!after || was.join() === is.join()) return;
        await record('admin.user.roles', USER_UID, { id: after.id, label: after.email ?? null }, { rolesBefore: was, rolesAfter: is });
      }).call(this, ctx, ...rest);
    },
    async deleteOne(this: unknown, ctx: Context, ...rest: unknown[]) {
      const user = await findUser(ctx.params.id);
      return wrap(original.deleteOne, async () => {
        if (user) await record('admin.user.delete', USER_UID, { id: user.id, label: user.email ?? null }, { roles: roleCodes(user) });
      }).call(this, ctx, ...rest);
    },
    async deleteMany(this: unknown, ctx: Context, ...rest: unknown[]) {
      const found = await Promise.all(idsOf(ctx.request.body).map(findUser));
      return wrap(original.deleteMany, async () => {
        for (const user of found) {
          if (user) await record('admin.user.delete', USER_UID, { id: user.id, label: user.email ?? null }, { roles: roleCodes(user) });
        }
      }).call(this, ctx, ...rest);
    },
  }));
};
