import type { Core, UID } from '@strapi/strapi';
import {
  AGENCY_UID,
  AUDIENCE_UID,
  CONSULTATION_DRAFT_UID,
  FEEDBACK_UID,
  FOCAL_POINT_UID,
  POLICY_UID,
  RADIO_SCRIPT_UID,
} from '../common/uids';

const ROLE_UID = 'plugin::users-permissions.role';
const PERMISSION_UID = 'plugin::users-permissions.permission';

/** The app's content types whose public permissions are owned by code, not by hand in the admin. */
const MANAGED_UIDS = [AGENCY_UID, FOCAL_POINT_UID, AUDIENCE_UID, POLICY_UID, CONSULTATION_DRAFT_UID, FEEDBACK_UID, RADIO_SCRIPT_UID];

const I18N_LIST_LOCALES = 'plugin::i18n.locales.listLocales';

const readOnly = (uid: UID.ContentType) => [`${uid}.find`, `${uid}.findOne`];

/** Every public (unauthenticated) content-API action; anything else on a managed type is revoked at boot. */
export const PUBLIC_ACTIONS: readonly string[] = [
  ...readOnly(POLICY_UID),
  ...readOnly(CONSULTATION_DRAFT_UID),
  ...readOnly(AGENCY_UID),
  ...readOnly(FOCAL_POINT_UID),
  ...readOnly(AUDIENCE_UID),
  ...readOnly(RADIO_SCRIPT_UID),
  // Front ends must know which languages exist (`GET /api/i18n/locales`).
  I18N_LIST_LOCALES,
];

const isManaged = (action: string) => action === I18N_LIST_LOCALES || MANAGED_UIDS.some((uid) => action.startsWith(`${uid}.`));

/**
 * Grants exactly `actions` to the users-permissions role `roleType` among the managed content types,
 * idempotently: missing grants are created, extra grants on managed types are removed.
 */
export const syncRolePermissions = async (strapi: Core.Strapi, roleType: string, actions: readonly string[]) => {
  const role = await strapi.db.query(ROLE_UID).findOne({ where: { type: roleType } });
  if (!role) throw new Error(`users-permissions role "${roleType}" is missing`);
  const existing = (await strapi.db.query(PERMISSION_UID).findMany({ where: { role: role.id } })) as Array<{
    id: number;
    action: string;
  }>;
  const have = new Set(existing.map((permission) => permission.action));
  for (const action of actions) {
    if (!have.has(action)) await strapi.db.query(PERMISSION_UID).create({ data: { action, role: role.id } });
  }
  const wanted = new Set(actions);
  const extra = existing.filter((permission) => isManaged(permission.action) && !wanted.has(permission.action));
  if (extra.length > 0) {
    await strapi.db.query(PERMISSION_UID).deleteMany({ where: { id: { $in: extra.map((permission) => permission.id) } } });
  }
};

/**
 * Public role: read-only on the published content; no feedback action at all. Citizens send and
 * follow feedback through the `auth: false` routes of src/api/feedback/routes/01-public-participation.ts
 * (validated, rate-limited intake; tracking; answered list), never through the core feedback actions,
 * which therefore stay revoked here (REST 403, GraphQL FORBIDDEN).
 */
export const syncPublicPermissions = async (strapi: Core.Strapi) => {
  await syncRolePermissions(strapi, 'public', PUBLIC_ACTIONS);
  await syncRolePermissions(strapi, 'authenticated', PUBLIC_ACTIONS);
};
