import type { Core, UID } from '@strapi/strapi';
import { notFoundError } from '../../../../../common/errors';
import { PLUGIN_ID } from '../constants';
import type { CoveredContentTypeView } from '../../../contracts';
import { resolveCoveredContentTypes, type CoveredContentType } from '../domain/config';

/** Which content types the workflow covers, read from `config/plugins.ts` (nothing is hard-coded). */
const settings = ({ strapi }: { strapi: Core.Strapi }) => {
  let cache: { covered: Map<string, CoveredContentType>; unknown: string[] } | null = null;

  const resolve = () => {
    if (!cache) {
      const { covered, unknown } = resolveCoveredContentTypes(strapi.config.get(`plugin::${PLUGIN_ID}`), (uid): uid is UID.ContentType =>
        uid in strapi.contentTypes,
      );
      cache = { covered: new Map(covered.map((entry) => [entry.uid, entry])), unknown };
    }
    return cache;
  };

  return {
    /** The covered content types that exist in the app. */
    list(): CoveredContentType[] {
      return [...resolve().covered.values()];
    },

    /** The covered entry for a uid (any string, e.g. from a URL), or undefined when the workflow does not apply to it. */
    find(uid: string): CoveredContentType | undefined {
      return resolve().covered.get(uid);
    },

    /** Like `find`, but a 404 for a uid the workflow does not cover: the one place a requested uid becomes typed. */
    require(uid: string): CoveredContentType {
      const entry = resolve().covered.get(uid);
      if (!entry) throw notFoundError(`Content type ${uid} is not covered by the approval workflow`);
      return entry;
    },

    /** The covered content types with the names people see. */
    describe(): CoveredContentTypeView[] {
      return [...resolve().covered.values()].map((entry) => ({
        ...entry,
        requiredApprovals: entry.steps.length,
        displayName:
          (strapi.getModel(entry.uid) as { info?: { displayName?: string } } | undefined)?.info?.displayName ?? entry.uid,
      }));
    },

    /** Configured uids with no content type behind them (logged at bootstrap). */
    unknownUids(): string[] {
      return resolve().unknown;
    },
  };
};

export default settings;
