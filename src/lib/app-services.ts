import type { Core } from '@strapi/strapi';
import type changes from '../api/changes/services/changes';
import type coverage from '../api/coverage/services/coverage';
import type coverageHistory from '../api/coverage/services/history';
import type consultationDraft from '../api/consultation-draft/services/consultation-draft';
import type intake from '../api/feedback/services/intake';
import type publicFeedback from '../api/feedback/services/public-feedback';
import type zalo from '../api/feedback/services/zalo';
import type feeds from '../api/feeds/services/feeds';
import type openapi from '../api/openapi/services/openapi';
import type radioBackground from '../api/radio-script/services/background';
import type radioScript from '../api/radio-script/services/radio-script';

type Built<Factory> = Factory extends (...args: never[]) => infer Service ? Service : never;

/** The app's own services that app code calls, by UID, as their factories build them. */
type AppServices = {
  'api::changes.changes': Built<typeof changes>;
  'api::coverage.coverage': Built<typeof coverage>;
  'api::coverage.history': Built<typeof coverageHistory>;
  'api::consultation-draft.consultation-draft': Built<typeof consultationDraft>;
  'api::feedback.intake': Built<typeof intake>;
  'api::feedback.public-feedback': Built<typeof publicFeedback>;
  'api::feedback.zalo': Built<typeof zalo>;
  'api::feeds.feeds': Built<typeof feeds>;
  'api::openapi.openapi': Built<typeof openapi>;
  'api::radio-script.radio-script': Built<typeof radioScript>;
  'api::radio-script.background': Built<typeof radioBackground>;
};

/**
 * An app service, typed. Strapi's registry types every app service as the generic `Core.Service`
 * (no per-UID registry for `api::` services), so this one cast names what each UID holds.
 */
export const appService = <Uid extends keyof AppServices>(strapi: Core.Strapi, uid: Uid): AppServices[Uid] =>
  strapi.service(uid) as unknown as AppServices[Uid];
