import type { Core } from '@strapi/strapi';
import { contentTypes as contentTypeUtils } from '@strapi/utils';
import { schemaOf, type AnySchema } from '../../lib/schemas';

/** A JSON schema as OpenAPI 3.0 writes it (kept loose: it is serialised, never interpreted here). */
export type JsonSchema = Record<string, unknown>;

type Attribute = {
  type: string;
  enum?: string[];
  required?: boolean;
  multiple?: boolean;
  relation?: string;
  target?: string;
  component?: string;
  components?: string[];
  repeatable?: boolean;
  minLength?: number;
  maxLength?: number;
  min?: number;
  max?: number;
};

const UPLOAD_FILE_UID = 'plugin::upload.file';

/** `api::policy.policy` → `Policy`, `consultation.question` → `ConsultationQuestionComponent`. */
export const schemaName = (uid: string): string => {
  const pascal = (text: string) => text.split(/[^A-Za-z0-9]+/).filter(Boolean).map((part) => part[0].toUpperCase() + part.slice(1)).join('');
  if (uid === UPLOAD_FILE_UID) return 'UploadFile';
  const [namespace, rest] = uid.includes('::') ? uid.split('::') : ['component', uid];
  if (namespace === 'component') return `${pascal(rest)}Component`;
  const name = rest.split('.').pop() as string;
  return namespace === 'api' ? pascal(name) : `${pascal(namespace)}${pascal(name)}`;
};

export const ref = (uid: string): JsonSchema => ({ $ref: `#/components/schemas/${schemaName(uid)}` });

const many = (schema: JsonSchema): JsonSchema => ({ type: 'array', items: schema });
const nullable = (schema: JsonSchema): JsonSchema => ('$ref' in schema ? { allOf: [schema], nullable: true } : { ...schema, nullable: true });

/** A relation the public may not read (its `find` is not public): only its identity, if it is populated at all. */
const OPAQUE_RELATION: JsonSchema = {
  type: 'object',
  description: 'A related document the public cannot read: never populated for the public.',
  properties: { id: { type: 'integer' }, documentId: { type: 'string' } },
};

const limits = (attribute: Attribute): JsonSchema => {
  const bounds: JsonSchema = {};
  if (attribute.minLength !== undefined) bounds.minLength = attribute.minLength;
  if (attribute.maxLength !== undefined) bounds.maxLength = attribute.maxLength;
  if (attribute.min !== undefined) bounds.minimum = attribute.min;
  if (attribute.max !== undefined) bounds.maximum = attribute.max;
  return bounds;
};

/**
 * JSON schema of one attribute as the content API answers it. Relations, media and components are
 * present only when asked for with `populate`; `readable(uid)` says whether a related type's own
 * reads are public (otherwise the relation is described by its identity only). `visit` collects
 * the schemas the answer refers to.
 */
const attributeSchema = (attribute: Attribute, readable: (uid: string) => boolean, visit: (uid: string) => void): JsonSchema => {
  switch (attribute.type) {
    case 'string':
    case 'text':
    case 'richtext':
    case 'uid':
      return { type: 'string', ...limits(attribute) };
    case 'email':
      return { type: 'string', format: 'email' };
    case 'enumeration':
      return { type: 'string', enum: attribute.enum ?? [] };
    case 'integer':
      return { type: 'integer', ...limits(attribute) };
    case 'biginteger':
      return { type: 'string', pattern: '^-?\\d+$', description: 'A big integer, as a string' };
    case 'float':
    case 'decimal':
      return { type: 'number', ...limits(attribute) };
    case 'boolean':
      return { type: 'boolean' };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'datetime':
    case 'timestamp':
      return { type: 'string', format: 'date-time' };
    case 'time':
      return { type: 'string', pattern: '^\\d{2}:\\d{2}(:\\d{2}(\\.\\d{3})?)?$' };
    case 'json':
      return { description: 'Any JSON value' };
    case 'blocks':
      return many({ type: 'object', description: "A rich-text block (Strapi's blocks format)", additionalProperties: true });
    case 'media':
      visit(UPLOAD_FILE_UID);
      return attribute.multiple ? many(ref(UPLOAD_FILE_UID)) : nullable(ref(UPLOAD_FILE_UID));
    case 'component': {
      const uid = attribute.component as string;
      visit(uid);
      return attribute.repeatable ? many(ref(uid)) : nullable(ref(uid));
    }
    case 'dynamiczone':
      (attribute.components ?? []).forEach(visit);
      return many({ oneOf: (attribute.components ?? []).map(ref) });
    case 'relation': {
      const target = attribute.target;
      let item: JsonSchema = OPAQUE_RELATION;
      if (target && readable(target)) {
        visit(target);
        item = ref(target);
      }
      return /Many$/.test(attribute.relation ?? '') ? many(item) : nullable(item);
    }
    default:
      return { description: `Strapi attribute of type ${attribute.type}` };
  }
};

/**
 * The public shape of a content type or component: every attribute the content API may return,
 * i.e. not `private` (neither in the schema nor in `api.responses.privateAttributes`) and not a
 * password, plus `id`/`documentId` and any `extra` computed fields. Derived at run time from the
 * schema, so a new attribute is described without touching this file.
 */
export const publicSchemaOf = (
  model: AnySchema,
  options: { readable: (uid: string) => boolean; visit: (uid: string) => void; extra?: Record<string, JsonSchema> },
): JsonSchema => {
  const properties: Record<string, JsonSchema> = { id: { type: 'integer' } };
  const isContentType = model.modelType === 'contentType';
  if (isContentType) properties.documentId = { type: 'string' };
  const required: string[] = isContentType ? ['id', 'documentId'] : ['id'];
  for (const [name, raw] of Object.entries(model.attributes as Record<string, Attribute>)) {
    if (raw.type === 'password' || contentTypeUtils.isPrivateAttribute(model as never, name)) continue;
    properties[name] = attributeSchema(raw, options.readable, options.visit);
    const populatedOnly = ['relation', 'media', 'component', 'dynamiczone'].includes(raw.type);
    if (raw.required && !populatedOnly) required.push(name);
  }
  Object.assign(properties, options.extra ?? {});
  const description = (model.info as { description?: string } | undefined)?.description;
  return {
    type: 'object',
    ...(description ? { description } : {}),
    properties,
    required,
  };
};

/**
 * Schemas of `roots` and of everything they refer to (components, media, readable relations), by
 * schema name; `extra` adds computed fields per UID (e.g. a consultation draft's status).
 */
export const collectSchemas = (
  strapi: Core.Strapi,
  roots: readonly string[],
  readable: (uid: string) => boolean,
  extra: Readonly<Record<string, Record<string, JsonSchema>>> = {},
): Record<string, JsonSchema> => {
  const schemas: Record<string, JsonSchema> = {};
  const pending = [...roots];
  const seen = new Set<string>();
  while (pending.length > 0) {
    const uid = pending.shift() as string;
    if (seen.has(uid)) continue;
    seen.add(uid);
    const model = schemaOf(strapi, uid);
    if (!model) continue;
    schemas[schemaName(uid)] = publicSchemaOf(model, { readable, visit: (next) => pending.push(next), extra: extra[uid] });
  }
  return schemas;
};
