import type { Core, UID } from '@strapi/strapi';
import { schemaOf } from '../lib/schemas';

type AttributeLike = { type: string; private?: boolean };
type ModelLike = { attributes?: Record<string, AttributeLike> };

/**
 * Which fields an admin permission grants: `all`, or `without-private` to leave out every attribute
 * the schema marks `private` (personal data such as names, e-mails and phones, and internal
 * bookkeeping). The schema is the single list of what is private, so a new private attribute is
 * withheld from the roles that must not see it without anyone editing a list here.
 */
export type FieldScope = 'all' | 'without-private';

const modelOf = (strapi: Core.Strapi, uid: string): ModelLike | undefined => schemaOf(strapi, uid);

/** The attributes `uid`'s schema marks `private`. */
export const privateAttributes = (strapi: Core.Strapi, uid: UID.ContentType): string[] =>
  Object.entries(modelOf(strapi, uid)?.attributes ?? {})
    .filter(([, attribute]) => attribute.private === true)
    .map(([name]) => name);

/** The field paths of a content-manager permission on `uid`, components expanded as Settings → Roles lists them. */
export const permissionFields = (strapi: Core.Strapi, uid: UID.ContentType, scope: FieldScope): string[] => {
  const fields = strapi
    .service('admin::content-type')
    .getNestedFields(modelOf(strapi, uid), { components: strapi.components }) as string[];
  if (scope === 'all') return fields;
  const hidden = privateAttributes(strapi, uid);
  return fields.filter((field) => !hidden.some((name) => field === name || field.startsWith(`${name}.`)));
};
