import { AUDIT_ENTRY_UID, AUDIT_TRAIL_PLUGIN } from '../../../../common/audit';

export const PLUGIN_ID = AUDIT_TRAIL_PLUGIN;
export const ENTRY_UID = AUDIT_ENTRY_UID;
export const ENTRY_TABLE = 'audit_trail_entries';

/** Admin permission of the plugin; the super admin has every permission, no other role is given it. */
export const ACTIONS = {
  read: `plugin::${PLUGIN_ID}.read`,
} as const;

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

/** Bounds on what one entry stores, so that a caller's mistake cannot bloat the log. */
export const MAX_TEXT_LENGTH = 500;
export const MAX_DETAILS_BYTES = 4096;

export const IMMUTABLE_MESSAGE = 'Audit trail entries are written by the audit-trail plugin only and can never be changed or deleted';
