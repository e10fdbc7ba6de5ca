import type { Core } from '@strapi/strapi';
import { UPLOAD_FILE_UID } from '../common/strapi-actions';

type Attribute = { private?: boolean; searchable?: boolean };
type Schema = { attributes: Record<string, Attribute> };


/**
 * Schema adjustments, made at register time before the database models are built, so that the
 * content API cannot reach what is private:
 * - `_q` full-text search reads every string column unless it is `searchable: false`, private ones
 *   included: `/api/focal-points?_q=<e-mail>` told whether a focal point had that address.
 * - A media file's `related` lists every entry that uses it, drafts included:
 *   `populate[attachments][populate]=*` on a published policy returned a never-published policy
 *   sharing the file. Private, the content API neither returns nor filters by it; the admin's
 *   media library, which checks permissions instead, still sees it.
 */
export const protectPrivateAttributes = (strapi: Core.Strapi): void => {
  // Written to, not only read: `searchable` is an attribute option Strapi honours but does not type.
  const schemas = strapi.contentTypes as unknown as Record<string, Schema | undefined>;
  const related = schemas[UPLOAD_FILE_UID]?.attributes.related;
  if (related) related.private = true;
  for (const schema of Object.values(schemas)) {
    for (const attribute of Object.values(schema?.attributes ?? {})) {
      if (attribute.private) attribute.searchable = false;
    }
  }
};
