import type { Core, UID } from '@strapi/strapi';
import { CONTENT_MANAGER } from './strapi-actions';

/**
 * "Belongs to my agency": the RBAC condition the `agency-access` plugin registers with Strapi's
 * condition provider, and the way every admin surface outside the content manager applies the same
 * permission checks the content manager applies (Strapi's own permissions manager turns the caller's
 * rules, conditions included, into query filters).
 */
export const AGENCY_ACCESS_PLUGIN = 'agency-access';
export const AGENCY_CONDITION = 'plugin::agency-access.in-my-agency';
export const MEMBERSHIP_UID = 'plugin::agency-access.membership' as const;

/** Role code of the provincial coordinator (the information department running the network): unscoped. */
export const COORDINATOR_ROLE_CODE = 'agency-coordinator';

/** An admin user's abilities as Strapi puts them in `ctx.state.userAbility` (a CASL ability). */
export type AbilityLike = { can: (action: string, subject?: string) => boolean };
type PermissionsManager = { getQuery: (action: string) => Record<string, unknown> | null | undefined };

/**
 * The filters (Strapi query shape) under which `userAbility` may take `action` on `uid`: `null` when
 * it may not at all, `{}` when everything is allowed, else the conditions' filters (e.g.
 * `{ respondingAgency: { documentId: { $in: [...] } } }`). Use them in every query that lists,
 * counts or exports documents for an admin user.
 */
export const permittedFilters = (
  strapi: Core.Strapi,
  userAbility: AbilityLike,
  uid: UID.ContentType,
  action: string = CONTENT_MANAGER.read,
): Record<string, unknown> | null => {
  if (!userAbility.can(action, uid)) return null;
  const manager = strapi.service('admin::permission').createPermissionsManager({ ability: userAbility, model: uid }) as PermissionsManager;
  return manager.getQuery(action) ?? null;
};

/** Combines a query's own filters with the permitted ones (`null` permitted: nothing may match). */
export const withPermittedFilters = (
  filters: Record<string, unknown> | undefined,
  permitted: Record<string, unknown>,
): Record<string, unknown> => {
  const parts = [filters, permitted].filter((part): part is Record<string, unknown> => !!part && Object.keys(part).length > 0);
  if (parts.length === 0) return {};
  return parts.length === 1 ? parts[0] : { $and: parts };
};

/**
 * Which of `documentIds` of `uid` the caller may take `action` on (one set-based query, whatever
 * the number of ids). Documents that do not exist are not returned.
 */
export const permittedDocumentIds = async (
  strapi: Core.Strapi,
  userAbility: AbilityLike,
  uid: UID.ContentType,
  documentIds: readonly string[],
  action: string = CONTENT_MANAGER.read,
): Promise<Set<string>> => {
  const permitted = permittedFilters(strapi, userAbility, uid, action);
  if (!permitted || documentIds.length === 0) return new Set();
  const rows = (await strapi.db.query(uid).findMany({
    where: withPermittedFilters({ documentId: { $in: [...new Set(documentIds)] } }, permitted),
    select: ['documentId'],
  })) as Array<{ documentId: string }>;
  return new Set(rows.map((row) => row.documentId));
};
