import type { Core } from '@strapi/strapi';

/**
 * The audit trail's contract, in the kernel so that the app and every plugin record sensitive
 * actions without importing the `audit-trail` plugin: `auditTrail(strapi)` is the plugin's service,
 * or a no-op when the plugin is disabled (disabling it is the operator's explicit choice).
 */

export const AUDIT_TRAIL_PLUGIN = 'audit-trail';
export const AUDIT_ENTRY_UID = 'plugin::audit-trail.entry' as const;

/**
 * What is recorded. New sensitive actions get a code here (and a label in the admin page's
 * translations). Agency membership of admin users does not exist yet: when it does, its changes are
 * recorded as `admin.user.agencies` through `auditTrail(strapi).record(...)` from wherever they are saved.
 */
export const AUDIT_ACTIONS = [
  'feedback.export-personal-data',
  'feedback.delete',
  'approval.force-approve',
  'delivery.retry',
  'admin.role.create',
  'admin.role.update',
  'admin.role.permissions',
  'admin.role.delete',
  'admin.user.create',
  'admin.user.roles',
  'admin.user.delete',
  'admin.user.agencies',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const ACTOR_KINDS = ['admin', 'api', 'system'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** Who acted. Filled in from the current request when the caller does not say. */
export type AuditActor = { kind: ActorKind; id: number | null; email: string | null; name: string | null };

/** What was acted on: a content type (or `admin::role`, `admin::user`, a plugin table) and which row. */
export type AuditSubject = { type: string; documentId?: string | null; id?: string | number | null; label?: string | null };

type JsonScalar = string | number | boolean | null;
/** Small facts about the action (reason, filters, counts), never a citizen's personal data. */
export type AuditDetails = Record<string, JsonScalar | JsonScalar[] | Record<string, JsonScalar | JsonScalar[]>>;

export type AuditEntryInput = {
  action: AuditAction;
  subject: AuditSubject;
  details?: AuditDetails;
  /** Defaults to the admin user (or API client) of the current request, else `system`. */
  actor?: AuditActor;
};

/** An entry as stored and as `GET /audit-trail/entries` returns it (dates as ISO strings). */
export type AuditEntry = {
  id: number;
  occurredAt: string;
  action: AuditAction;
  actor: AuditActor;
  subject: { type: string; id: string | null; label: string | null };
  details: AuditDetails;
  ip: string | null;
  userAgent: string | null;
};

export type AuditTrailService = {
  /** Records one entry; never throws into the caller's action (a failure is logged, `null` returned). */
  record(entry: AuditEntryInput): Promise<AuditEntry | null>;
  /**
   * Records one entry or throws a 503: for actions that must not happen unrecorded (exports of
   * personal data). Call it before the action's effect leaves the server.
   */
  recordOrRefuse(entry: AuditEntryInput): Promise<AuditEntry | null>;
};

const NO_AUDIT: AuditTrailService = {
  record: async () => null,
  recordOrRefuse: async () => null,
};

/** The audit trail's service, or a no-op when the `audit-trail` plugin is disabled. */
export const auditTrail = (strapi: Core.Strapi): AuditTrailService =>
  (strapi.plugin(AUDIT_TRAIL_PLUGIN)?.service('entries') as AuditTrailService | undefined) ?? NO_AUDIT;
