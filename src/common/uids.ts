/** Content-type UIDs owned by the app. Front ends and integrators code against these names. */
export const AGENCY_UID = 'api::agency.agency' as const;
export const FOCAL_POINT_UID = 'api::focal-point.focal-point' as const;
export const AUDIENCE_UID = 'api::audience.audience' as const;
export const POLICY_UID = 'api::policy.policy' as const;
export const CONSULTATION_DRAFT_UID = 'api::consultation-draft.consultation-draft' as const;
export const FEEDBACK_UID = 'api::feedback.feedback' as const;
export const RADIO_SCRIPT_UID = 'api::radio-script.radio-script' as const;

export const DEFAULT_LOCALE = 'vi';
export const LOCALES = [
  { code: 'vi', name: 'Tiếng Việt (vi)' },
  { code: 'en', name: 'English (en)' },
] as const;
