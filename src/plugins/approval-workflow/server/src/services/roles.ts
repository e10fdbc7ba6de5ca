import type { Core, UID } from '@strapi/strapi';
import { CONTENT_MANAGER, IS_CREATOR_CONDITION, MEDIA_LIBRARY } from '../../../../../common/strapi-actions';
import { PERMISSIONS, PLUGIN_ID, ROLES, type RoleKey } from '../constants';
import { getService } from '../utils/get-service';

type PermissionInput = { action: string; subject?: string | null; properties?: Record<string, unknown> };
type StoredPermission = { id: number; properties?: { locales?: unknown } | null };
type AttributeLike = { type?: string; target?: string; mappedBy?: string };

/** The plugin's admin permissions, shown under Settings → Roles → Plugins → Approval workflow. */
const PLUGIN_ACTIONS = [
  { uid: 'submit', displayName: 'Submit for approval (and withdraw)' },
  { uid: 'review', displayName: 'Review (request changes)' },
  { uid: 'approve', displayName: 'Approve' },
  { uid: 'force-approve', displayName: 'Force-approve with a reason (super admins only)' },
  { uid: 'read-history', displayName: 'Read stage and history' },
].map((action) => ({ ...action, section: 'plugins', pluginName: PLUGIN_ID }));

const WORKFLOW_PERMISSIONS: Record<RoleKey, string[]> = {
  editor: [PERMISSIONS.submit, PERMISSIONS.readHistory],
  reviewer: [PERMISSIONS.review, PERMISSIONS.approve, PERMISSIONS.readHistory],
  // Leaders approve and publish; requesting changes is part of approving responsibly.
  leader: [PERMISSIONS.review, PERMISSIONS.approve, PERMISSIONS.readHistory],
};

/** Admin permissions and the editorial roles that use them. */
const roles = ({ strapi }: { strapi: Core.Strapi }) => {
  const fieldsOf = (uid: UID.ContentType): string[] =>
    strapi
      .service('admin::content-type')
      .getNestedFields(strapi.contentTypes[uid], { components: strapi.components }) as string[];

  const isLocalized = (uid: UID.ContentType) => getService(strapi, 'content').isLocalized(uid);

  const localeCodes = async (): Promise<string[]> =>
    strapi.plugin('i18n') ? ((await strapi.plugin('i18n').service('locales').find()) as Array<{ code: string }>).map((locale) => locale.code) : [];

  /**
   * A content-manager permission on every field and, for localized types, every locale that
   * exists now (`followNewLocale` adds later ones). Role permissions need explicit locales: the
   * admin deletes a role permission whose `locales` is null.
   */
  const contentPermission = (action: string, uid: UID.ContentType, withFields: boolean, locales: string[]): PermissionInput => ({
    action,
    subject: uid,
    properties: {
      ...(withFields ? { fields: fieldsOf(uid) } : {}),
      ...(isLocalized(uid) ? { locales } : {}),
    },
  });

  /** Content types a covered document links to: editors must read them to pick relations. */
  const isContentType = (uid: string): uid is UID.ContentType => uid in strapi.contentTypes;

  const relatedUids = (covered: UID.ContentType[]): UID.ContentType[] => {
    const related = new Set<UID.ContentType>();
    for (const uid of covered) {
      const attributes = (strapi.contentTypes[uid]?.attributes ?? {}) as Record<string, AttributeLike>;
      for (const attribute of Object.values(attributes)) {
        const target = attribute.type === 'relation' ? attribute.target : undefined;
        if (target?.startsWith('api::') && isContentType(target) && !covered.includes(target)) {
          related.add(target);
        }
      }
    }
    return [...related];
  };

  const permissionsFor = (role: RoleKey, locales: string[]): PermissionInput[] => {
    const covered = getService(strapi, 'settings')
      .list()
      .map((entry) => entry.uid);
    const related = relatedUids(covered);
    const read = [...covered, ...related].map((uid) => contentPermission(CONTENT_MANAGER.read, uid, true, locales));
    const media = [MEDIA_LIBRARY.read, MEDIA_LIBRARY.download, MEDIA_LIBRARY.copyLink].map((action) => ({ action }));
    const workflow = WORKFLOW_PERMISSIONS[role].map((action) => ({ action }));
    switch (role) {
      case 'editor':
        return [
          ...read,
          ...covered.flatMap((uid) => [
            contentPermission(CONTENT_MANAGER.create, uid, true, locales),
            contentPermission(CONTENT_MANAGER.update, uid, true, locales),
          ]),
          ...media,
          { action: MEDIA_LIBRARY.create },
          { action: MEDIA_LIBRARY.update },
          ...workflow,
        ];
      case 'reviewer':
        return [...read, ...media, ...workflow];
      case 'leader':
        return [...read, ...covered.map((uid) => contentPermission(CONTENT_MANAGER.publish, uid, false, locales)), ...media, ...workflow];
      default:
        return [];
    }
  };

  return {
    /** Registers the plugin's admin permission actions (before the admin syncs the super admin role). */
    async registerActions(): Promise<void> {
      await strapi.service('admin::permission').actionProvider.registerMany(PLUGIN_ACTIONS);
    },

    /**
     * Creates the Editor, Reviewer and Leader roles when missing. Existing roles are left exactly as
     * administrators shaped them: this never re-grants a permission someone removed.
     *
     * Must run after the admin's bootstrap (from the app's `bootstrap`), never from this plugin's:
     * Strapi bootstraps every plugin before the admin, and the admin creates its default roles (Super
     * Admin, Editor, Author) only when no role exists, with conditions (`admin::is-creator`) that it
     * registers in that same bootstrap. A role created earlier either stops the admin from creating
     * them or, created on its behalf, strips the Author role of its conditions.
     */
    async ensureRoles(): Promise<void> {
      if (!strapi.service('admin::permission').conditionProvider.has(IS_CREATOR_CONDITION)) {
        throw new Error(
          `[${PLUGIN_ID}] ensureRoles() ran before the admin's bootstrap; call it from the application's bootstrap`,
        );
      }
      const roleService = strapi.service('admin::role');
      for (const key of Object.keys(ROLES) as RoleKey[]) {
        const { code, name, description } = ROLES[key];
        if (await strapi.db.query('admin::role').findOne({ where: { code } })) continue;
        if (await strapi.db.query('admin::role').findOne({ where: { name } })) {
          strapi.log.warn(`[${PLUGIN_ID}] a role named "${name}" exists with another code; not creating ${code}`);
          continue;
        }
        const role = (await roleService.create({ name, code, description })) as { id: number };
        await roleService.assignPermissions(role.id, permissionsFor(key, await localeCodes()));
        strapi.log.info(`[${PLUGIN_ID}] created admin role "${name}"`);
      }
    },

    /**
     * A locale added later (in Settings → Internationalization, after the roles exist) joins every permission of the editorial roles that covered all other locales; a
     * permission an administrator narrowed to some locales stays narrowed.
     */
    async followNewLocale(code: string): Promise<void> {
      const others = (await localeCodes()).filter((existing) => existing !== code);
      const roleRows = (await strapi.db.query('admin::role').findMany({
        where: { code: { $in: Object.values(ROLES).map((role) => role.code) } },
        populate: ['permissions'],
      })) as Array<{ permissions?: StoredPermission[] }>;
      for (const permission of roleRows.flatMap((role) => role.permissions ?? [])) {
        const locales = permission.properties?.locales;
        if (!Array.isArray(locales) || locales.includes(code) || !others.every((other) => locales.includes(other))) continue;
        await strapi.db.query('admin::permission').update({
          where: { id: permission.id },
          data: { properties: { ...permission.properties, locales: [...locales, code] } },
        });
      }
    },
  };
};

export default roles;
