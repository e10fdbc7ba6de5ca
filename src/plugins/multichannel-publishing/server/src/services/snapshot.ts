import type { Core, UID } from '@strapi/strapi';
import { SNAPSHOT_EXCLUDED_ATTRIBUTES } from '../constants';
import { getPluginConfig } from '../utils/config';

type Attribute = { type?: string; target?: string; relation?: string };
type Populate = Record<string, unknown>;

/** One level of every relation, media field and component, minus creator fields and admin targets. */
const defaultPopulate = (attributes: Record<string, Attribute>): Populate => {
  const populate: Populate = {};
  for (const [name, attribute] of Object.entries(attributes)) {
    if (SNAPSHOT_EXCLUDED_ATTRIBUTES.has(name)) continue;
    if (attribute.type === 'relation') {
      if (attribute.target?.startsWith('admin::') || attribute.relation?.startsWith('morph')) continue;
      populate[name] = true;
    } else if (attribute.type === 'media' || attribute.type === 'component' || attribute.type === 'dynamiczone') {
      populate[name] = true;
    }
  }
  return populate;
};

/** Builds the sanitized snapshots stored on publication events. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const configured = new Map(getPluginConfig(strapi).contentTypes.map((entry) => [entry.uid, entry.populate]));

  const populateFor = (uid: UID.ContentType): Populate => {
    const model = strapi.getModel(uid) as { attributes: Record<string, Attribute> };
    return (configured.get(uid) as Populate | undefined) ?? defaultPopulate(model.attributes);
  };

  return {
    populateFor,

    /**
     * The published row `entryId` of `uid` with the configured relations, passed through the content
     * API output sanitizer: private and password fields are removed at every level.
     */
    async build(uid: UID.ContentType, entryId: number): Promise<Record<string, unknown> | null> {
      const model = strapi.getModel(uid);
      const row = await strapi.db.query(uid).findOne({ where: { id: entryId }, populate: populateFor(uid) });
      if (!row) return null;
      const sanitized = (await strapi.contentAPI.sanitize.output(row, model)) as Record<string, unknown>;
      return JSON.parse(JSON.stringify(sanitized)) as Record<string, unknown>;
    },

    /** A removed version's tombstone: enough for a channel to find what to take down. */
    tombstone(documentId: string, locale: string | null, previous: Record<string, unknown> | null): Record<string, unknown> {
      const pick = (key: string) => (previous && typeof previous[key] === 'string' ? previous[key] : undefined);
      return { documentId, locale, title: pick('title') ?? pick('name') ?? null, slug: pick('slug') ?? null };
    },
  };
};
