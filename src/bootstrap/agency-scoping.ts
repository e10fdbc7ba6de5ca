import type { Core, UID } from '@strapi/strapi';
import { AGENCY_ACCESS_PLUGIN, AGENCY_CONDITION, COORDINATOR_ROLE_CODE } from '../common/agency-scope';
import { CONTENT_MANAGER, MEDIA_LIBRARY } from '../common/strapi-actions';
import { FEEDBACK_UID } from '../common/uids';
import { ROLE_CODES } from './editorial-permissions';
import { permissionFields } from './permission-fields';

type AgencyAccessConfig = { scopes: Record<string, string>; scopeEditorialRoles: boolean };
type PermissionRow = { id: number; action: string; subject: string | null; conditions: string[] | null };

const COORDINATOR = {
  code: COORDINATOR_ROLE_CODE,
  name: 'Điều phối viên / Coordinator',
  description:
    'Sở Văn hóa, Thể thao và Du lịch (đơn vị điều phối mạng lưới): xem mọi đơn vị, phân công ý kiến chưa có đơn vị trả lời. ' +
    'The provincial information department: sees every agency, assigns feedback that has no responding agency.',
};

/** Content-manager actions the condition narrows. */
const SCOPED_ACTIONS: string[] = [CONTENT_MANAGER.read, CONTENT_MANAGER.update, CONTENT_MANAGER.delete, CONTENT_MANAGER.publish];

const config = (strapi: Core.Strapi): AgencyAccessConfig | null =>
  strapi.plugin(AGENCY_ACCESS_PLUGIN) ? (strapi.config.get(`plugin::${AGENCY_ACCESS_PLUGIN}`) as AgencyAccessConfig) : null;

/**
 * The coordinator role, created when missing: reads every editorial type and every feedback (all
 * fields: it assigns and follows up), updates feedback (to set the responding agency), works the
 * overdue page, the Distribution page and exports. Without conditions: it is the one role that sees
 * every agency's work. An existing role is left as administrators shaped it.
 */
const ensureCoordinatorRole = async (strapi: Core.Strapi, scoped: UID.ContentType[]): Promise<void> => {
  if (await strapi.db.query('admin::role').findOne({ where: { code: COORDINATOR.code } })) return;
  const registered = new Set(
    (strapi.service('admin::permission').actionProvider.values() as Array<{ actionId: string }>).map((action) => action.actionId),
  );
  const locales = strapi.plugin('i18n') ? ((await strapi.plugin('i18n').service('locales').find()) as Array<{ code: string }>).map((l) => l.code) : [];
  const localized = (uid: UID.ContentType) => (strapi.contentTypes[uid] as { pluginOptions?: { i18n?: { localized?: boolean } } }).pluginOptions?.i18n?.localized === true;
  const readable = [...new Set<UID.ContentType>([...scoped, 'api::agency.agency', 'api::focal-point.focal-point', 'api::audience.audience'])].filter(
    (uid) => uid in strapi.contentTypes,
  );
  const contentPermission = (action: string, uid: UID.ContentType) => ({
    action,
    subject: uid,
    properties: { fields: permissionFields(strapi, uid, 'all'), ...(localized(uid) ? { locales } : {}) },
  });
  const permissions = [
    ...readable.map((uid) => contentPermission(CONTENT_MANAGER.read, uid)),
    ...(FEEDBACK_UID in strapi.contentTypes ? [contentPermission(CONTENT_MANAGER.update, FEEDBACK_UID)] : []),
    ...[
      MEDIA_LIBRARY.read,
      MEDIA_LIBRARY.download,
      'plugin::approval-workflow.read-history',
      'plugin::multichannel-publishing.read',
      'plugin::multichannel-publishing.retry',
      'plugin::public-participation.read',
      'plugin::public-participation.moderate',
      'plugin::public-participation.export',
    ].map((action) => ({ action })),
  ].filter((permission) => registered.has(permission.action));
  const roleService = strapi.service('admin::role');
  const role = (await roleService.create({ name: COORDINATOR.name, code: COORDINATOR.code, description: COORDINATOR.description })) as { id: number };
  await roleService.assignPermissions(role.id, permissions);
  strapi.log.info(`[agency-access] created admin role "${COORDINATOR.name}"`);
};

/**
 * Gives the editorial roles (Editor, Reviewer, Leader) the "in my agency" condition on the
 * content-manager permissions of the scoped types. Once per database (a store flag): an
 * administrator who later removes the condition from a role in Settings → Roles keeps that choice.
 */
const scopeEditorialRoles = async (strapi: Core.Strapi, scoped: UID.ContentType[]): Promise<void> => {
  const store = strapi.store({ type: 'plugin', name: AGENCY_ACCESS_PLUGIN, key: 'editorial-roles-scoped' });
  if (await store.get({})) return;
  const roles = (await strapi.db.query('admin::role').findMany({
    where: { code: { $in: Object.values(ROLE_CODES) } },
    populate: ['permissions'],
  })) as Array<{ permissions?: PermissionRow[] }>;
  for (const permission of roles.flatMap((role) => role.permissions ?? [])) {
    if (!permission.subject || !scoped.includes(permission.subject as UID.ContentType) || !SCOPED_ACTIONS.includes(permission.action)) continue;
    const conditions = permission.conditions ?? [];
    if (conditions.includes(AGENCY_CONDITION)) continue;
    await strapi.db.query('admin::permission').update({ where: { id: permission.id }, data: { conditions: [...conditions, AGENCY_CONDITION] } });
  }
  await store.set({ value: true });
};

/** Shapes roles for agency access: the coordinator role, and (when configured) the scoped editorial roles. */
export const applyAgencyScoping = async (strapi: Core.Strapi): Promise<void> => {
  const settings = config(strapi);
  if (!settings) return;
  const scoped = Object.keys(settings.scopes).filter((uid): uid is UID.ContentType => uid in strapi.contentTypes);
  await ensureCoordinatorRole(strapi, scoped);
  if (settings.scopeEditorialRoles) await scopeEditorialRoles(strapi, scoped);
};
