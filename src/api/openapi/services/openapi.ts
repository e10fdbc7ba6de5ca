import type { Core } from '@strapi/strapi';
import { publicRoleActions } from '../../../lib/public-role';
import { MODERATION_STATUSES } from '../../feedback/constants';
import { COMPUTED_FIELDS, CORE_OPERATIONS, OPERATIONS, type ContentTypeInfo, type Operation } from '../operations';
import { collectSchemas, type JsonSchema } from '../schemas';

type Route = { method: string; path: string; handler: unknown; config?: { auth?: unknown }; info?: { pluginName?: string; apiName?: string } };
type ContentTypeSchema = {
  uid: string;
  info: { displayName?: string };
  options?: { draftAndPublish?: boolean };
  pluginOptions?: { i18n?: { localized?: boolean } };
};

/** One content-API route the public may call, with the action users-permissions checks for it. */
export type PublicRoute = { method: string; path: string; action: string };

/** `api::policy.policy.find`, `plugin::i18n.locales.listLocales`: the action a route's handler names. */
const actionOf = (group: string, route: Route): string | undefined => {
  if (typeof route.handler !== 'string') return undefined;
  if (route.handler.includes('::')) return route.handler;
  return `${group}.${route.handler}`;
};

/**
 * The content-API routes the public may call, from the router and the public role: `auth: false`
 * routes (feedback intake, tracking, ...) and routes whose action the public role holds.
 */
export const publicRoutes = async (strapi: Core.Strapi): Promise<PublicRoute[]> => {
  const granted = await publicRoleActions(strapi);
  const routesMap = (await strapi.contentAPI.getRoutesMap()) as unknown as Record<string, Route[]>;
  const found: PublicRoute[] = [];
  for (const [group, routes] of Object.entries(routesMap)) {
    for (const route of routes) {
      const action = actionOf(group, route);
      if (!action) continue;
      if (route.config?.auth === false || granted.has(action)) found.push({ method: route.method.toUpperCase(), path: route.path, action });
    }
  }
  return found;
};

/** `/api/feedbacks/track/:trackingCode` → `/api/feedbacks/track/{trackingCode}`; `/api/connect/(.*)` → `/api/connect/{rest}`. */
export const openApiPath = (path: string): string => path.replace(/:(\w+)/g, '{$1}').replace(/\(\.\*\)/g, '{rest}');

const contentTypeInfo = (strapi: Core.Strapi, uid: string): ContentTypeInfo | undefined => {
  const model = strapi.contentTypes[uid as never] as ContentTypeSchema | undefined;
  if (!model) return undefined;
  return {
    uid,
    displayName: model.info.displayName ?? uid,
    localized: model.pluginOptions?.i18n?.localized === true,
    draftAndPublish: model.options?.draftAndPublish === true,
  };
};

/** The description of an action: its entry in operations.ts, or the core find/findOne of its content type. */
const describe = (strapi: Core.Strapi, action: string): Operation | undefined => {
  if (OPERATIONS[action]) return OPERATIONS[action];
  const match = /^(api::[\w-]+\.[\w-]+)\.(find|findOne)$/.exec(action);
  const type = match ? contentTypeInfo(strapi, match[1]) : undefined;
  return type && match ? CORE_OPERATIONS[match[2] as 'find' | 'findOne'](type) : undefined;
};

/** `GET /api/feedbacks/track/{trackingCode}` → `getApiFeedbacksTrackTrackingCode`: unique, as OpenAPI requires. */
const operationId = (method: string, path: string) =>
  method.toLowerCase() + path.split(/[^A-Za-z0-9]+/).filter(Boolean).map((part) => part[0].toUpperCase() + part.slice(1)).join('');

const pathParameters = (path: string) =>
  [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));

const BASE_SCHEMAS: Record<string, JsonSchema> = {
  Error: {
    type: 'object',
    properties: {
      data: { nullable: true },
      error: {
        type: 'object',
        properties: { status: { type: 'integer' }, name: { type: 'string' }, message: { type: 'string' }, details: { type: 'object', additionalProperties: true } },
        required: ['status', 'name', 'message'],
      },
    },
    required: ['error'],
  },
  Pagination: {
    type: 'object',
    properties: { page: { type: 'integer' }, pageSize: { type: 'integer' }, pageCount: { type: 'integer' }, total: { type: 'integer' } },
  },
  FeedbackReceipt: {
    type: 'object',
    properties: {
      trackingCode: { type: 'string', example: 'GY-7K2M-Q9XD' },
      status: { type: 'string', enum: [...MODERATION_STATUSES] },
      dueAt: { type: 'string', format: 'date-time' },
    },
    required: ['trackingCode', 'status', 'dueAt'],
  },
};

const query = (name: string, description: string, schema: JsonSchema = { type: 'string' }, extra: JsonSchema = {}) => ({ name, in: 'query', required: false, description, schema, ...extra });

const PARAMETERS = {
  fields: query('fields', 'Attributes to return, e.g. `fields[0]=title&fields[1]=slug`', { type: 'array', items: { type: 'string' } }, { style: 'deepObject', explode: true }),
  populate: query('populate', 'Relations, media and components to include, e.g. `populate[leadAgency]=true` or `populate=*`; at most 4 levels', { type: 'object', additionalProperties: true }, { style: 'deepObject', explode: true }),
  filters: query('filters', 'Strapi filters, e.g. `filters[stage][$eq]=adopted`; private attributes cannot be filtered (400)', { type: 'object', additionalProperties: true }, { style: 'deepObject', explode: true }),
  sort: query('sort', 'e.g. `sort=publishedAt:desc`; at most 5 keys'),
  page: query('pagination[page]', 'Page number', { type: 'integer', minimum: 1, default: 1 }),
  pageSize: query('pagination[pageSize]', 'Page size (capped at 100)', { type: 'integer', minimum: 1, maximum: 100, default: 25 }),
  q: query('_q', 'Full-text search over the public text attributes'),
  locale: query('locale', 'Language version (`vi` default, `en`); no fallback', { type: 'string', default: 'vi' }),
  status: query('status', '`published` (default); `draft` needs an API token (403 otherwise)', { type: 'string', enum: ['published', 'draft'] }),
};

/**
 * The OpenAPI 3.0 document of the public content API: every public route the server answers
 * (path and method from the router), described by operations.ts; response schemas derived from
 * the content types at run time, private attributes left out.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async document(): Promise<Record<string, unknown>> {
    const routes = await publicRoutes(strapi);
    const readableTypes = new Set(routes.map((route) => /^(api::[\w-]+\.[\w-]+)\.find$/.exec(route.action)?.[1]).filter((uid): uid is string => Boolean(uid)));
    const paths: Record<string, Record<string, unknown>> = {};
    const tags = new Set<string>();
    for (const route of routes) {
      const operation = describe(strapi, route.action);
      // An undescribed public route is left out; tests/api/openapi.test.ts fails on it.
      if (!operation) continue;
      const path = openApiPath(route.path);
      const declared = new Set(((operation.parameters as Array<{ name?: string; in?: string }> | undefined) ?? []).filter((p) => p.in === 'path').map((p) => p.name));
      const missing = pathParameters(path).filter((parameter) => !declared.has(parameter.name));
      operation.tags.forEach((tag) => tags.add(tag));
      paths[path] = {
        ...paths[path],
        [route.method.toLowerCase()]: {
          operationId: operationId(route.method, path),
          ...operation,
          parameters: [...missing, ...((operation.parameters as unknown[]) ?? [])],
          'x-strapi-action': route.action,
          'x-strapi-route': `${route.method} ${route.path}`,
        },
      };
    }
    const serverUrl = strapi.config.get<string>('server.url', '') || '/';
    return {
      openapi: '3.0.3',
      info: {
        title: 'Policy communication CMS — public API',
        version: '1.0.0',
        description:
          'Published policies, consultation drafts, agencies, focal points, audiences and radio scripts, and public feedback. ' +
          'Reads of published content need no credential and answer with `ETag` and `Cache-Control: public`; an API token (Bearer) is needed only for drafts (preview). ' +
          'Private attributes (personal data) are never returned. GraphQL is at `/graphql`.',
      },
      servers: [{ url: serverUrl }],
      tags: [...tags].sort().map((name) => ({ name })),
      paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
      components: {
        securitySchemes: { apiToken: { type: 'http', scheme: 'bearer', description: 'A Strapi API token (preview front ends only)' } },
        parameters: PARAMETERS,
        schemas: { ...BASE_SCHEMAS, ...collectSchemas(strapi, [...readableTypes].sort(), (uid) => readableTypes.has(uid), COMPUTED_FIELDS) },
      },
    };
  },
});
