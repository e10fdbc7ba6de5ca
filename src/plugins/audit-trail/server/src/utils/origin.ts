import type { Core } from '@strapi/strapi';
import type { AuditActor } from '../../../../../common/audit';
import type { RequestState } from '../../../../../common/http';
import { MAX_TEXT_LENGTH } from '../constants';

type RequestLike = {
  state?: RequestState;
  request?: { ip?: string };
  get?: (header: string) => string;
};

type UserLike = { id?: number | string; email?: string | null; firstname?: string | null; lastname?: string | null; username?: string | null };
type TokenLike = { id?: number | string; name?: string | null };

const ADMIN_STRATEGIES = new Set(['admin', 'admin-token']);

export const SYSTEM_ACTOR: AuditActor = { kind: 'system', id: null, email: null, name: null };

const current = (strapi: Core.Strapi): RequestLike | undefined => strapi.requestContext.get() as RequestLike | undefined;

const clip = (value: string | null | undefined): string | null => (value ? value.slice(0, MAX_TEXT_LENGTH) : null);

const fullName = (user: UserLike): string | null => clip([user.firstname, user.lastname].filter(Boolean).join(' ') || user.username || null);

/**
 * Who is acting in the current request: the admin user (admin session or admin token), the API
 * client of a content-API call, or `system` when no request is running (boot, workers, scripts).
 */
export const actorOfRequest = (strapi: Core.Strapi): AuditActor => {
  const state = current(strapi)?.state;
  if (!state) return SYSTEM_ACTOR;
  const strategy = state.auth?.strategy?.name;
  const user = state.user as UserLike | undefined;
  if (user && ADMIN_STRATEGIES.has(strategy ?? '')) {
    return { kind: 'admin', id: Number(user.id), email: clip(user.email), name: fullName(user) };
  }
  if (strategy === 'api-token') {
    const token = state.auth?.credentials as TokenLike | undefined;
    return { kind: 'api', id: token?.id === undefined ? null : Number(token.id), email: null, name: clip(token?.name ? `API token: ${token.name}` : 'API token') };
  }
  // An end user may be a citizen: their id only, never their e-mail or username.
  if (user) return { kind: 'api', id: Number(user.id), email: null, name: `End user (${strategy ?? 'unknown'})` };
  return SYSTEM_ACTOR;
};

/** The client's address as Strapi sees it (X-Forwarded-For only behind a trusted proxy) and its user agent. */
export const originOfRequest = (strapi: Core.Strapi): { ip: string | null; userAgent: string | null } => {
  const ctx = current(strapi);
  if (!ctx) return { ip: null, userAgent: null };
  return { ip: clip(ctx.request?.ip), userAgent: clip(ctx.get?.('user-agent')) };
};
