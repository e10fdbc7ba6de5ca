/** Types shared by the notifications plugin's server and admin. */

/** The e-mails an admin user may switch off (`GET/PUT /notifications/preferences`), in the order the page shows them. */
export const PREFERENCE_SWITCHES = ['reviewRequests', 'reviewOutcomes', 'overdueDigest'] as const;
export type PreferenceSwitch = (typeof PREFERENCE_SWITCHES)[number];
export type Preferences = Record<PreferenceSwitch, boolean>;
