import type { Core } from '@strapi/strapi';
import { permittedFilters } from '../../../../../common/agency-scope';
import type { FeedbackScope } from '../../../../../common/feedback';
import type { RequestContext } from '../../../../../common/http';
import { CONTENT_MANAGER } from '../../../../../common/strapi-actions';
import { FEEDBACK_UID } from '../../../../../common/uids';

/**
 * The feedback the caller may read: the same check the content manager applies (Settings → Roles →
 * Feedback → Read, with its conditions such as "in my agency"). Every route of the plugin passes it
 * to the feedback service it calls.
 */
export const feedbackScope = (strapi: Core.Strapi, ctx: RequestContext): FeedbackScope =>
  ctx.state.userAbility ? permittedFilters(strapi, ctx.state.userAbility, FEEDBACK_UID, CONTENT_MANAGER.read) : null;
