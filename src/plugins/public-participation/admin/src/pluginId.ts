import type { Disposition } from '../../contracts';

export const PLUGIN_ID = 'public-participation';

/** Translation key of this plugin (the keys in translations/*.json are prefixed with the plugin id). */
export const t = (key: string) => `${PLUGIN_ID}.${key}`;

export const FEEDBACK_UID = 'api::feedback.feedback';
export const CONSULTATION_DRAFT_UID = 'api::consultation-draft.consultation-draft';
export const READ_ACTION = `plugin::${PLUGIN_ID}.read`;

/** The dispositions (tiếp thu / giải trình), in the order the screens list them; the server's list is the reference. */
export const DISPOSITIONS = ['accepted', 'partially-accepted', 'not-accepted', 'noted'] as const satisfies readonly Disposition[];
/** Dispositions the server refuses without an explanation (giải trình): the bulk screen says so before sending. */
export const DISPOSITIONS_NEEDING_EXPLANATION: readonly Disposition[] = ['not-accepted'];
