/** Names the approval workflow shares with the admin panel, other plugins and the tests. */
import { type Stage, type StepKey, type UserAction } from '../../contracts';

// Stages and actions are part of the admin API: declared in the contracts.
export {
  APPROVAL_STEPS,
  RECORDED_ACTIONS,
  STAGES,
  USER_ACTIONS,
  type HistoryAction,
  type RecordedAction,
  type Stage,
  type StepKey,
  type UserAction,
} from '../../contracts';
export const PLUGIN_ID = 'approval-workflow' as const;

export const STATE_UID = 'plugin::approval-workflow.workflow-state' as const;
export const TRANSITION_UID = 'plugin::approval-workflow.transition' as const;
/** The plugin's own content types: written only by the plugin, through the query engine. */
export const OWN_UIDS: readonly string[] = [STATE_UID, TRANSITION_UID];

export const INITIAL_STAGE: Stage = 'draft';


/** Stages whose approval (or pending review) is bound to an exact content hash. */
export const HASH_BOUND_STAGES: readonly Stage[] = ['in-review', 'approved'];

/** A covered type that names no steps needs one reviewer. */
export const DEFAULT_STEPS: readonly StepKey[] = ['reviewer'];
export const MAX_STEPS = 10;

export const VOID_COMMENT = 'approval voided by edit';

/** Emitted on `strapi.eventHub` after every recorded transition has been committed. */
export const TRANSITION_EVENT = 'approval-workflow.transition' as const;

/** Admin permission actions, as registered with the admin action provider. */
export const PERMISSIONS = {
  submit: 'plugin::approval-workflow.submit',
  review: 'plugin::approval-workflow.review',
  approve: 'plugin::approval-workflow.approve',
  forceApprove: 'plugin::approval-workflow.force-approve',
  readHistory: 'plugin::approval-workflow.read-history',
} as const;

/** The permission each transition action requires. */
export const ACTION_PERMISSION: Record<UserAction, string> = {
  submit: PERMISSIONS.submit,
  withdraw: PERMISSIONS.submit,
  approve: PERMISSIONS.approve,
  'request-changes': PERMISSIONS.review,
  'force-approve': PERMISSIONS.forceApprove,
};

export const SUPER_ADMIN_ROLE_CODE = 'strapi-super-admin';

/** Editorial admin roles created at bootstrap when missing (codes are stable, names are what people see). */
export const ROLES = {
  editor: {
    code: 'approval-workflow-editor',
    name: 'Biên tập viên / Editor',
    label: { en: 'Editor', vi: 'Biên tập viên' },
    description: 'Soạn, sửa và gửi duyệt văn bản. Writes, edits and submits documents for approval.',
  },
  reviewer: {
    code: 'approval-workflow-reviewer',
    name: 'Người duyệt / Reviewer',
    label: { en: 'Reviewer', vi: 'Người duyệt' },
    description: 'Thẩm định, phê duyệt hoặc yêu cầu chỉnh sửa. Reviews, approves or requests changes.',
  },
  leader: {
    code: 'approval-workflow-leader',
    name: 'Lãnh đạo / Leader',
    label: { en: 'Leader', vi: 'Lãnh đạo' },
    description: 'Phê duyệt và xuất bản. Approves and publishes.',
  },
} as const;
export type RoleKey = keyof typeof ROLES;

/** Demo accounts for development seeds, one per editorial role. Never created in production. */
export const DEMO_USERS: ReadonlyArray<{ role: RoleKey; email: string; password: string; firstname: string; lastname: string }> = [
  { role: 'editor', email: 'editor@laocai.gov.vn', password: 'Editor-Demo-2025', firstname: 'Lan', lastname: 'Nguyễn Thị' },
  { role: 'reviewer', email: 'reviewer@laocai.gov.vn', password: 'Reviewer-Demo-2025', firstname: 'Minh', lastname: 'Trần Văn' },
  { role: 'leader', email: 'leader@laocai.gov.vn', password: 'Leader-Demo-2025', firstname: 'Hùng', lastname: 'Lê Quang' },
];
