import { AGENCY_ACCESS_PLUGIN, MEMBERSHIP_UID } from '../../../../common/agency-scope';

export const PLUGIN_ID = AGENCY_ACCESS_PLUGIN;
export { MEMBERSHIP_UID };
export const MEMBERSHIP_TABLE = 'agency_access_memberships';
export const AGENCY_UID = 'api::agency.agency' as const;

/** Admin permission actions (super admins hold every registered action). */
export const ACTIONS = { manage: `plugin::${AGENCY_ACCESS_PLUGIN}.manage` } as const;

export const CONDITION_NAME = 'in-my-agency';

export const OWNED_MESSAGE = 'Agency membership is managed on the agency edit view (Thành viên / Members), by super admins';
