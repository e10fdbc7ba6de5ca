import type { Core } from '@strapi/strapi';

/**
 * What the app may ask the approval-workflow plugin, declared here because the app never imports a
 * plugin: it looks the service up by name and gets `undefined` when the plugin is disabled. The
 * plugin's `standing` service `satisfies` this contract, so a change on either side fails typecheck.
 */

/** One document locale (`locale` null for a content type that is not localized). */
export type DocumentLocaleRef = { uid: string; documentId: string; locale: string | null };

/**
 * Where a document locale stands in the approval workflow. `contentBound`: a review or an approval
 * is bound to its current content (any change of that content must send it back to draft).
 */
export type ApprovalStanding = { covered: false } | { covered: true; stage: string; contentBound: boolean };

export type ApprovalStandingService = {
  /** The standing of one document locale; `covered: false` when the workflow does not apply to its type. */
  standing(ref: DocumentLocaleRef): Promise<ApprovalStanding>;
};

/** The approval plugin's `standing` service, or undefined when the plugin is disabled (nothing is covered then). */
export const approvalStandingService = (strapi: Core.Strapi): ApprovalStandingService | undefined =>
  strapi.plugin('approval-workflow')?.service('standing') as ApprovalStandingService | undefined;
