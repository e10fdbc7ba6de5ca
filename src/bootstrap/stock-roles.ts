import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  AGENCY_UID,
  AUDIENCE_UID,
  CONSULTATION_DRAFT_UID,
  FOCAL_POINT_UID,
  POLICY_UID,
  RADIO_SCRIPT_UID,
} from '../common/uids';
import { permissionFields, type FieldScope } from './permission-fields';
import { schemaOf } from '../lib/schemas';
import { CONTENT_MANAGER, IS_CREATOR_CONDITION, MEDIA_LIBRARY } from '../common/strapi-actions';

/**
 * Bump when the shape below changes: every database then gets the new shape once, at its next
 * boot. Between bumps an administrator's edits in Settings → Roles are never undone.
 */
export const STOCK_ROLES_VERSION = 1;

/** Where the applied version is recorded (`strapi::core-store`, key `core_stock-admin-roles_version`). */
export const STOCK_ROLES_STORE = { type: 'core', name: 'stock-admin-roles', key: 'version' } as const;

const CM = CONTENT_MANAGER;
const MEDIA = MEDIA_LIBRARY;
const IS_CREATOR = IS_CREATOR_CONDITION;

type ContentGrant = { uids: UID.ContentType[]; actions: Array<keyof typeof CM>; fields: FieldScope; ownOnly?: boolean };
type PluginGrant = { action: string; ownOnly?: boolean };
type StockRole = { code: string; name: string; description: string; content: ContentGrant[]; plugins: PluginGrant[] };

const DIRECTORY = [AGENCY_UID, FOCAL_POINT_UID, AUDIENCE_UID];
const EDITORIAL = [POLICY_UID, CONSULTATION_DRAFT_UID, RADIO_SCRIPT_UID];

/**
 * Strapi's default Editor and Author, kept under their codes (Strapi and its upgrades know them by
 * code) but given a job in this product. Neither touches feedback: citizens' personal data is for
 * the agencies' editors who answer it (`approval-workflow-editor`, see editorial-permissions.ts).
 * Private attributes are granted only where the role maintains them: the directory manager keeps
 * focal points' work contacts up to date; the contributor only needs names to pick relations.
 */
export const STOCK_ROLES: readonly StockRole[] = [
  {
    code: 'strapi-editor',
    name: 'Quản lý danh mục / Directory manager',
    description:
      'Quản lý danh mục cơ quan, đầu mối (kể cả liên hệ công vụ), nhóm đối tượng; xem văn bản; không xem góp ý. ' +
      'Maintains agencies, focal points (with work contacts), audiences; reads content; no feedback.',
    content: [
      { uids: DIRECTORY, actions: ['create', 'read', 'update', 'delete'], fields: 'all' },
      { uids: EDITORIAL, actions: ['read'], fields: 'without-private' },
    ],
    // Uploads are appointment documents of focal points.
    plugins: [{ action: MEDIA.read }, { action: MEDIA.create }, { action: MEDIA.download }, { action: MEDIA.copyLink }],
  },
  {
    code: 'strapi-author',
    name: 'Cộng tác viên / Contributor',
    description:
      'Soạn, sửa bản nháp chính sách, dự thảo, kịch bản phát thanh của mình; không xoá, không xuất bản, không xem góp ý. ' +
      'Writes own drafts of policies, consultation drafts, radio scripts; no delete, publish or feedback.',
    content: [
      { uids: EDITORIAL, actions: ['create', 'read', 'update'], fields: 'without-private', ownOnly: true },
      { uids: DIRECTORY, actions: ['read'], fields: 'without-private' },
    ],
    // As in Strapi's stock Author, the media library shows a contributor their own files only.
    plugins: [{ action: MEDIA.read, ownOnly: true }, { action: MEDIA.create }, { action: MEDIA.download }, { action: MEDIA.copyLink }],
  },
];

type PermissionInput = { action: string; subject?: string; properties?: Record<string, unknown>; conditions?: string[] };

const localeCodes = async (strapi: Core.Strapi): Promise<string[]> =>
  strapi.plugin('i18n') ? ((await strapi.plugin('i18n').service('locales').find()) as Array<{ code: string }>).map((locale) => locale.code) : [];

const isLocalized = (strapi: Core.Strapi, uid: UID.ContentType): boolean => {
  const options = schemaOf(strapi, uid)?.pluginOptions as { i18n?: { localized?: boolean } } | undefined;
  return Boolean(strapi.plugin('i18n')) && options?.i18n?.localized === true;
};

/**
 * The permissions of one stock role. Localized types list every locale that exists now: the admin
 * drops a role permission on a localized type whose `locales` is missing.
 */
export const stockRolePermissions = (strapi: Core.Strapi, role: StockRole, locales: string[]): PermissionInput[] => [
  ...role.content.flatMap(({ uids, actions, fields, ownOnly }) =>
    uids
      .filter((uid) => uid in strapi.contentTypes)
      .flatMap((uid) =>
        actions.map((action) => ({
          action: CM[action],
          subject: uid,
          properties: {
            ...(action === 'delete' ? {} : { fields: permissionFields(strapi, uid, fields) }),
            ...(isLocalized(strapi, uid) ? { locales } : {}),
          },
          conditions: ownOnly ? [IS_CREATOR] : [],
        })),
      ),
  ),
  ...role.plugins.map(({ action, ownOnly }) => ({ action, conditions: ownOnly ? [IS_CREATOR] : [] })),
];

/**
 * Renames and reduces Strapi's Editor and Author roles to the shapes above, once per
 * `STOCK_ROLES_VERSION`: on a fresh database right after the admin created them, on an existing one
 * at its first boot with this version (which also repairs roles created without their conditions).
 * A stock role an administrator deleted stays deleted. Runs after the admin's bootstrap, whose
 * conditions it needs (otherwise Strapi silently drops them), and after the locales exist.
 */
export const applyStockRoles = async (strapi: Core.Strapi): Promise<void> => {
  const store = strapi.store({ type: STOCK_ROLES_STORE.type, name: STOCK_ROLES_STORE.name });
  const applied = Number((await store.get({ key: STOCK_ROLES_STORE.key })) ?? 0);
  if (applied >= STOCK_ROLES_VERSION) return;
  if (!strapi.service('admin::permission').conditionProvider.has(IS_CREATOR)) {
    throw new errors.ApplicationError(`the stock admin roles need the condition ${IS_CREATOR}; apply them after the admin's bootstrap`);
  }
  const roleService = strapi.service('admin::role');
  const locales = await localeCodes(strapi);
  for (const stock of STOCK_ROLES) {
    const role = (await strapi.db.query('admin::role').findOne({ where: { code: stock.code } })) as { id: number; name: string } | null;
    if (!role) continue;
    const nameTaken = await strapi.db.query('admin::role').count({ where: { name: stock.name, id: { $ne: role.id } } });
    if (nameTaken > 0) strapi.log.warn(`[roles] a role named "${stock.name}" already exists; ${stock.code} keeps the name "${role.name}"`);
    await roleService.update({ id: role.id }, { ...(nameTaken > 0 ? {} : { name: stock.name }), description: stock.description });
    await roleService.assignPermissions(role.id, stockRolePermissions(strapi, stock, locales));
    strapi.log.info(`[roles] ${stock.code} set to "${nameTaken > 0 ? role.name : stock.name}" (stock roles v${STOCK_ROLES_VERSION})`);
  }
  await store.set({ key: STOCK_ROLES_STORE.key, value: STOCK_ROLES_VERSION });
};
