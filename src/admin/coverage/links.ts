/** Admin paths (relative to the admin's router) the coverage screens link to. */

export const COVERAGE_PATH = '/coverage';
export const AGENCY_UID = 'api::agency.agency';
export const FOCAL_POINT_UID = 'api::focal-point.focal-point';
export const POLICY_UID = 'api::policy.policy';
export const DRAFT_UID = 'api::consultation-draft.consultation-draft';
/** Agencies and policies are localized; their Vietnamese version is the one every agency has. */
const DEFAULT_LOCALE = 'vi';

const editView = (uid: string, documentId: string) =>
  `/content-manager/collection-types/${uid}/${documentId}?plugins[i18n][locale]=${DEFAULT_LOCALE}`;

export const agencyPath = (documentId: string) => editView(AGENCY_UID, documentId);
export const policyPath = (documentId: string) => editView(POLICY_UID, documentId);
export const draftPath = (documentId: string) => editView(DRAFT_UID, documentId);

/** Query parameters the focal point's create view reads to prefill the agency and the role (see prefill.tsx). */
export const PREFILL_AGENCY = 'coverageAgency';
export const PREFILL_ROLE = 'coverageRole';

/** The content manager's create view of a focal point, for `agency` and the role it lacks. */
export const newFocalPointPath = (agencyDocumentId: string, role: string) =>
  `/content-manager/collection-types/${FOCAL_POINT_UID}/create?${PREFILL_AGENCY}=${encodeURIComponent(agencyDocumentId)}&${PREFILL_ROLE}=${encodeURIComponent(role)}`;
