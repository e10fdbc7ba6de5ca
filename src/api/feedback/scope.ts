import type { Core } from '@strapi/strapi';
import { AGENCY_ACCESS_PLUGIN, withPermittedFilters } from '../../common/agency-scope';
import { forbiddenError } from '../../common/errors';
import type { FeedbackScope } from '../../common/feedback';
import { FEEDBACK_UID } from '../../common/uids';

/**
 * `where` narrowed to the feedback the caller may read, or `null` when they may read none (the
 * caller then answers with an empty list or zero counts, without querying).
 */
export const withinScope = (where: Record<string, unknown>, scope: FeedbackScope): Record<string, unknown> | null =>
  scope === null ? null : withPermittedFilters(where, scope);

/**
 * Refuses (403, saying why) a feedback the caller may not read. Call it once the feedback is known
 * to exist (a missing one is a 404 first), so a refusal never hides a typo and the message is
 * the same on every admin route that takes one feedback.
 */
export const assertFeedbackInScope = async (strapi: Core.Strapi, documentId: string, scope: FeedbackScope): Promise<void> => {
  if (scope === null) {
    throw forbiddenError('Your role may not read feedback (Settings → Roles → Content Manager → Feedback → Read)', { documentId });
  }
  if (Object.keys(scope).length === 0) return;
  const visible = Number(await strapi.db.query(FEEDBACK_UID).count({ where: withPermittedFilters({ documentId }, scope) }));
  if (visible === 0) {
    throw forbiddenError(
      'This feedback is outside what your role may read: it is not answered by one of your agencies (the coordinator assigns feedback to agencies)',
      { documentId },
    );
  }
};

type Memberships = { agenciesOf(userId: number): Promise<string[]> };

/**
 * The agencies an admin user belongs to (the agency-access plugin's membership), none when that
 * plugin is disabled.
 */
export const memberAgenciesOf = async (strapi: Core.Strapi, userId: number | null | undefined): Promise<string[]> => {
  if (!userId) return [];
  const memberships = strapi.plugin(AGENCY_ACCESS_PLUGIN)?.service('memberships') as Memberships | undefined;
  return memberships ? memberships.agenciesOf(userId) : [];
};
