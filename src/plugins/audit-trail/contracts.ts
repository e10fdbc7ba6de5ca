/**
 * What the plugin's admin API answers and its admin page reads: the entry shape and the action
 * codes, declared once in the shared kernel (the app and other plugins record through it).
 */
export { ACTOR_KINDS, AUDIT_ACTIONS } from '../../common/audit';
export type { ActorKind, AuditAction, AuditActor, AuditDetails, AuditEntry } from '../../common/audit';

export type Pagination = { page: number; pageSize: number; pageCount: number; total: number };

/** `GET /audit-trail/entries` answer. */
export type EntriesPage = { data: import('../../common/audit').AuditEntry[]; meta: { pagination: Pagination } };
