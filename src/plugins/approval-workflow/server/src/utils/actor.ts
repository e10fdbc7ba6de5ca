import type { Core, UID } from '@strapi/strapi';
import { permittedDocumentIds } from '../../../../../common/agency-scope';
import { CONTENT_MANAGER } from '../../../../../common/strapi-actions';
import { SUPER_ADMIN_ROLE_CODE } from '../constants';
import type { Decider } from '../domain/state-machine';

/** Who caused a recorded change: an admin user, an API client, or code with no request. */
export type Recorder = {
  kind: 'admin' | 'api' | 'system';
  id: number | null;
  firstname: string | null;
  lastname: string | null;
  /** For API clients: the auth strategy (`api-token`, `users-permissions`). */
  label: string | null;
};

/** An authenticated admin acting through the admin API, with their abilities. */
export type AdminActor = Decider & {
  /** Type-level check against a content type (content-manager actions). */
  canOn: (action: string, subject: string) => boolean;
  /**
   * Which of `documentIds` of `uid` the actor may read under their permissions' conditions (e.g.
   * "in my agency"): one query for the whole set; documents that do not exist are left out.
   */
  readableDocumentIds: (uid: string, documentIds: readonly string[]) => Promise<Set<string>>;
};

type AdminUserLike = { id: number | string; firstname?: string | null; lastname?: string | null; roles?: Array<{ code?: string }> };
type AbilityLike = { can: (action: string, subject?: unknown, field?: string) => boolean };
type StateLike = { user?: AdminUserLike; userAbility?: AbilityLike; auth?: { strategy?: { name?: string } } };

const ADMIN_STRATEGIES = new Set(['admin', 'admin-token']);

export const SYSTEM: Recorder = { kind: 'system', id: null, firstname: null, lastname: null, label: null };

const isSuperAdmin = (user: AdminUserLike) => (user.roles ?? []).some((role) => role.code === SUPER_ADMIN_ROLE_CODE);

/** The admin actor of an admin-API request (`ctx.state` after `admin::isAuthenticatedAdmin`). */
export const adminActorFromState = (strapi: Core.Strapi, state: StateLike): AdminActor | null => {
  const { user, userAbility } = state;
  if (!user || !userAbility) return null;
  return {
    id: Number(user.id),
    firstname: user.firstname ?? null,
    lastname: user.lastname ?? null,
    isSuperAdmin: isSuperAdmin(user),
    roleCodes: (user.roles ?? []).flatMap((role) => (role.code ? [role.code] : [])),
    can: (permission) => userAbility.can(permission),
    canOn: (action, subject) => userAbility.can(action, subject),
    readableDocumentIds: (uid, documentIds) =>
      permittedDocumentIds(strapi, userAbility, uid as UID.ContentType, documentIds, CONTENT_MANAGER.read),
  };
};

export const recorderFromActor = (actor: AdminActor): Recorder => ({
  kind: 'admin',
  id: actor.id,
  firstname: actor.firstname,
  lastname: actor.lastname,
  label: null,
});

/**
 * Who is behind the current document-service call, read from the HTTP request being served (if
 * any): an admin user in the admin panel or content-manager API, an API client on the content API,
 * or the system (seeds, scripts, jobs).
 */
export const currentRecorder = (strapi: Core.Strapi): Recorder => {
  const ctx = strapi.requestContext.get() as { state?: StateLike } | undefined;
  const state = ctx?.state;
  if (!state?.auth) return SYSTEM;
  const strategy = state.auth.strategy?.name ?? '';
  if (ADMIN_STRATEGIES.has(strategy) && state.user) {
    const { user } = state;
    return { kind: 'admin', id: Number(user.id), firstname: user.firstname ?? null, lastname: user.lastname ?? null, label: null };
  }
  return { kind: 'api', id: null, firstname: null, lastname: null, label: strategy || null };
};
