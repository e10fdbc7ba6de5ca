import crypto from 'crypto';

/** The slice of a Strapi attribute definition the hash needs. */
export type AttributeLike = {
  type: string;
  target?: string;
  relation?: string;
  mappedBy?: string;
  multiple?: boolean;
  component?: string;
  repeatable?: boolean;
  components?: string[];
};
export type ModelLike = { attributes: Record<string, AttributeLike> };
export type ModelLookup = (uid: string) => ModelLike | undefined;

/**
 * Bookkeeping that changes on every write (or per row) without changing what a reader sees, so it
 * must not count as an edit. `stageHistory` and other real fields stay in.
 */
const IGNORED_ATTRIBUTES = new Set([
  'id',
  'documentId',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'firstPublishedAt',
  'createdBy',
  'updatedBy',
  'locale',
  'localizations',
]);

const TO_MANY = new Set(['oneToMany', 'manyToMany', 'morphToMany', 'morphMany']);

/**
 * Relations that belong to this document's content: owning side only (an inverse side such as
 * `policy.consultationDrafts` changes when *another* document is edited), never admin users,
 * never polymorphic links.
 */
const isHashedRelation = (attribute: AttributeLike): boolean =>
  attribute.type === 'relation' &&
  !attribute.mappedBy &&
  typeof attribute.target === 'string' &&
  !attribute.target.startsWith('admin::') &&
  !(attribute.relation ?? '').startsWith('morph');

type Populate = Record<string, unknown>;

/**
 * What identifies an attached file's content. Strapi keeps a file's id, `hash` and `url` when its
 * bytes are replaced, so the id alone would let an approved document serve a different file: the
 * fields its storage writes with the bytes (type, size, dimensions) are hashed too. Not `updatedAt`,
 * `name`, `alternativeText`, `caption` or `folder`: the media library changes those without touching
 * the bytes (renaming, moving), and that must not void approvals nobody is told about.
 */
export const MEDIA_FINGERPRINT = ['id', 'hash', 'url', 'ext', 'mime', 'size', 'width', 'height'] as const;

/** Query-engine populate that loads everything the hash covers, components at any depth. */
export const buildHashPopulate = (getModel: ModelLookup, uid: string, depth = 0): Populate => {
  const model = getModel(uid);
  if (!model || depth > 20) return {};
  const populate: Populate = {};
  for (const [name, attribute] of Object.entries(model.attributes)) {
    if (IGNORED_ATTRIBUTES.has(name)) continue;
    if (attribute.type === 'media') populate[name] = { select: [...MEDIA_FINGERPRINT] };
    else if (isHashedRelation(attribute)) populate[name] = { select: ['id', 'documentId'] };
    else if (attribute.type === 'component' && attribute.component) {
      const nested = buildHashPopulate(getModel, attribute.component, depth + 1);
      populate[name] = Object.keys(nested).length > 0 ? { populate: nested } : true;
    } else if (attribute.type === 'dynamiczone') populate[name] = true;
  }
  return populate;
};

const isEmpty = (value: unknown) =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** JSON with sorted keys, so that two equal contents always give the same text. */
const stable = (value: unknown): unknown => {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(stable);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .map((key) => [key, stable((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
};

const asArray = (value: unknown): Record<string, unknown>[] =>
  (Array.isArray(value) ? value : value ? [value] : []) as Record<string, unknown>[];

const relationKeys = (value: unknown, key: 'documentId' | 'id'): string[] =>
  [...new Set(asArray(value).map((item) => String(item[key])))].sort();

/** Attached files by id (order-free, as the media field stores no meaningful order), each with its content fingerprint. */
const mediaFingerprints = (value: unknown): Record<string, unknown>[] => {
  const byId = new Map<string, Record<string, unknown>>();
  for (const file of asArray(value)) {
    byId.set(String(file.id), Object.fromEntries(MEDIA_FINGERPRINT.map((field) => [field, field === 'id' ? String(file.id) : file[field] ?? null])));
  }
  return [...byId.keys()].sort().map((id) => byId.get(id) as Record<string, unknown>);
};

/**
 * The content of a row as the hash sees it: ids, timestamps and authorship removed; empty values
 * (null, '', []) treated alike because the admin form and the API do not spell "nothing" the same
 * way; related documents by documentId (order-free); attached files by id and content fingerprint
 * (order-free); repeatable components in order.
 */
export const canonicalContent = (getModel: ModelLookup, uid: string, row: Record<string, unknown>): Record<string, unknown> => {
  const model = getModel(uid);
  if (!model) return {};
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(model.attributes).sort()) {
    if (IGNORED_ATTRIBUTES.has(name)) continue;
    const attribute = model.attributes[name];
    const value = row[name];
    let canonical: unknown;
    if (attribute.type === 'media') {
      const files = mediaFingerprints(value);
      canonical = attribute.multiple ? files : files[0];
    } else if (attribute.type === 'relation') {
      if (!isHashedRelation(attribute)) continue;
      const keys = relationKeys(value, 'documentId');
      canonical = TO_MANY.has(attribute.relation ?? '') ? keys : keys[0];
    } else if (attribute.type === 'component' && attribute.component) {
      const component = attribute.component;
      const items = asArray(value).map((item) => canonicalContent(getModel, component, item));
      canonical = attribute.repeatable ? items : items[0];
    } else if (attribute.type === 'dynamiczone') {
      canonical = asArray(value).map((item) => ({
        __component: item.__component,
        ...canonicalContent(getModel, String(item.__component), item),
      }));
    } else {
      canonical = stable(value);
    }
    if (!isEmpty(canonical)) out[name] = canonical;
  }
  return out;
};

/** SHA-256 of the canonical content: what an approval is bound to. */
export const hashContent = (canonical: Record<string, unknown>): string =>
  crypto.createHash('sha256').update(JSON.stringify(stable(canonical))).digest('hex');
