import type { Core } from '@strapi/strapi';
import type { ApprovalStanding, ApprovalStandingService, DocumentLocaleRef } from '../../../../../common/approval';
import { HASH_BOUND_STAGES, INITIAL_STAGE } from '../constants';
import { getService } from '../utils/get-service';

/**
 * The workflow's answer to the rest of the app (the kernel contract in `src/common/approval.ts`):
 * whether a document locale is covered, its stage, and whether an approval is bound to its content.
 * The upload extension asks it before a file attached to documents is replaced in place.
 */
const standing = ({ strapi }: { strapi: Core.Strapi }): ApprovalStandingService => ({
  async standing({ uid, documentId, locale }: DocumentLocaleRef): Promise<ApprovalStanding> {
    const covered = getService(strapi, 'settings').find(uid);
    if (!covered) return { covered: false };
    const resolved = await getService(strapi, 'content').resolveLocale(covered.uid, locale);
    const state = await getService(strapi, 'states').find({ uid: covered.uid, documentId, locale: resolved });
    const stage = state?.stage ?? INITIAL_STAGE;
    return { covered: true, stage, contentBound: HASH_BOUND_STAGES.includes(stage) };
  },
});

export default standing;
