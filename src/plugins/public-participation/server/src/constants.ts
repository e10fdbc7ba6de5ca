export const PLUGIN_ID = 'public-participation';

/** Admin permissions of the plugin (Settings → Roles → Plugins → Public participation). */
export const ACTIONS = {
  read: `plugin::${PLUGIN_ID}.read`,
  moderate: `plugin::${PLUGIN_ID}.moderate`,
  export: `plugin::${PLUGIN_ID}.export`,
} as const;

/** Fields of a feedback that identify a person: exported only to roles allowed to read them. */
export const PERSONAL_FIELDS = ['fullName', 'email', 'phone'] as const;

export const OVERDUE_DEFAULT_PAGE_SIZE = 25;
export const OVERDUE_MAX_PAGE_SIZE = 100;

/** Where the report is dated ("Lào Cai, ngày … tháng … năm …") when `REPORT_PLACE` is not set. */
export const DEFAULT_REPORT_PLACE = 'Lào Cai';
