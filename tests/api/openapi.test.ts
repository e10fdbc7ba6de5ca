import SwaggerParser from '@apidevtools/swagger-parser';
import { contentTypes as contentTypeUtils } from '@strapi/utils';
import { openApiPath } from '../../src/api/openapi/services/openapi';
import { schemaName } from '../../src/api/openapi/schemas';
import { perform, servedRoutes, type Fixtures } from '../helpers/authorization-matrix';
import { startTestApp, type TestApp } from '../helpers/strapi';

/**
 * GET /api/openapi.json describes every public content-API route the server answers, and nothing
 * else: the public routes are found by asking the running server (every route it lists, called
 * anonymously: a route is public unless the permission layer refuses it), not from a list here.
 */
type Document = {
  openapi: string;
  paths: Record<string, Record<string, { 'x-strapi-route'?: string; requestBody?: unknown; responses?: unknown }>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
};

let app: TestApp;
let document: Document;
let publicRoutes: string[];

const NO_FIXTURES: Fixtures = {
  real: () => 'x',
  fresh: async () => 'x',
  fileUrl: '/uploads/x.png',
};

/**
 * What users-permissions answers an anonymous caller its public role does not allow: 403 Forbidden
 * (a route's own 401, e.g. the Zalo webhook's bad signature, means the route let the caller in).
 */
const isPermissionRefusal = (status: number, text: string): boolean => {
  if (status !== 403) return false;
  try {
    return (JSON.parse(text) as { error?: { message?: string } }).error?.message === 'Forbidden';
  } catch {
    return false;
  }
};

beforeAll(async () => {
  app = await startTestApp('openapi');
  const candidates = servedRoutes(app.strapi).filter((route) => route.split(' ')[1].startsWith('/api/'));
  publicRoutes = [];
  for (const route of candidates) {
    const [method, pattern] = route.split(' ');
    const path = pattern.replace(/:\w+/g, 'x').replace(/\(\.\*\)/g, 'x');
    const { status, text } = await perform(app.strapi, { route, path, cells: {} as never, ...(method === 'GET' ? {} : { body: {} }) }, undefined, NO_FIXTURES);
    if (!isPermissionRefusal(status, text)) publicRoutes.push(route);
  }
  const response = await app.http().get('/api/openapi.json');
  expect(response.status).toBe(200);
  document = response.body as Document;
}, 120_000);

afterAll(async () => {
  await app?.stop();
});

const operations = () =>
  Object.entries(document.paths).flatMap(([path, item]) => Object.entries(item).map(([method, operation]) => ({ path, method, operation })));

describe('the document covers the public API', () => {
  it('found the public routes the product is built around (so the probe itself works)', () => {
    expect(publicRoutes).toEqual(
      expect.arrayContaining([
        'POST /api/feedbacks',
        'GET /api/feedbacks/track/:trackingCode',
        'GET /api/feedbacks/public',
        'POST /api/zalo/webhook',
        'GET /api/policies',
        'GET /api/policies/:id',
        'GET /api/consultation-drafts/:id',
        'GET /api/focal-points',
        'GET /api/radio-scripts/:id',
        'GET /api/i18n/locales',
        'GET /api/openapi.json',
        'GET /api/docs',
      ]),
    );
    expect(publicRoutes).not.toContain('GET /api/feedbacks');
    expect(publicRoutes).not.toContain('PUT /api/policies/:id');
  });

  it('describes every public route the server answers, at its path and method', () => {
    const described = new Set(operations().map(({ method, operation }) => `${method.toUpperCase()} ${operation['x-strapi-route']?.split(' ')[1]}`));
    expect(publicRoutes.filter((route) => !described.has(route))).toEqual([]);
  });

  it('describes nothing else: no admin route, no route the public may not call', () => {
    const routes = operations().map(({ operation }) => operation['x-strapi-route'] as string);
    expect(routes.filter((route) => !publicRoutes.includes(route))).toEqual([]);
    expect(Object.keys(document.paths).filter((path) => !path.startsWith('/api/'))).toEqual([]);
  });

  it('files each operation under the OpenAPI form of its route', () => {
    for (const { path, method, operation } of operations()) {
      const [routeMethod, routePath] = (operation['x-strapi-route'] as string).split(' ');
      expect({ path, method }).toEqual({ path: openApiPath(routePath), method: routeMethod.toLowerCase() });
    }
  });
});

describe('the document is OpenAPI 3', () => {
  it('validates with swagger-parser (schema and references)', async () => {
    expect(document.openapi).toMatch(/^3\.0\.\d+$/);
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeTruthy();
  });

  it('derives content types from the schemas: a public attribute is described, with its enum', () => {
    const policy = document.components.schemas.Policy.properties ?? {};
    expect(Object.keys(policy)).toEqual(expect.arrayContaining(['documentId', 'title', 'summary', 'stage', 'leadAgency', 'audiences', 'stageHistory']));
    expect((policy.stage as { enum: string[] }).enum).toEqual(expect.arrayContaining(['proposal', 'implementing', 'repealed']));
    expect(Object.keys(document.components.schemas.ConsultationDraft.properties ?? {})).toContain('consultationStatus');
    expect(Object.keys(document.components.schemas.FocalPoint.properties ?? {})).toEqual(expect.arrayContaining(['fullName', 'agency']));
  });

  it('takes the feedback intake body from the server-side validation', () => {
    const body = document.paths['/api/feedbacks'].post.requestBody as { content: Record<string, { schema: { properties: { data: { properties: Record<string, unknown>; required: string[] } } } }> };
    const data = body.content['application/json'].schema.properties.data;
    expect(Object.keys(data.properties)).toEqual(expect.arrayContaining(['consultationDraft', 'policy', 'submitterType', 'content', 'category', 'publicConsent']));
    expect(data.required).toEqual(expect.arrayContaining(['submitterType', 'content', 'category']));
  });
});

describe('no private attribute is described', () => {
  /** Every property name used anywhere under `value` (schemas nest through items, allOf, oneOf, ...). */
  const propertyNames = (value: unknown, names = new Set<string>()): Set<string> => {
    if (Array.isArray(value)) value.forEach((item) => propertyNames(item, names));
    else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (key === 'properties' && child && typeof child === 'object') Object.keys(child).forEach((name) => names.add(name));
        propertyNames(child, names);
      }
    }
    return names;
  };

  const privateNames = (uid: string): string[] => {
    const model = app.strapi.getModel(uid as never) as { attributes: Record<string, unknown> };
    return Object.keys(model.attributes).filter((name) => contentTypeUtils.isPrivateAttribute(model as never, name));
  };

  it("leaves each content type's and component's private attributes out of its schema", () => {
    const uids = [...Object.keys(app.strapi.contentTypes), ...Object.keys(app.strapi.components)];
    const described = uids.filter((uid) => document.components.schemas[schemaName(uid)]);
    expect(described).toEqual(expect.arrayContaining(['api::policy.policy', 'api::focal-point.focal-point', 'plugin::upload.file']));
    for (const uid of described) {
      const properties = Object.keys(document.components.schemas[schemaName(uid)].properties ?? {});
      expect({ uid, leaked: properties.filter((name) => privateNames(uid).includes(name)) }).toEqual({ uid, leaked: [] });
    }
    expect(privateNames('api::focal-point.focal-point')).toEqual(expect.arrayContaining(['email', 'phone']));
  });

  it('names no private attribute in any response or shared schema (only what the public itself sends, in request bodies)', () => {
    const answers = [document.components, ...operations().map(({ operation }) => operation.responses)];
    const used = propertyNames(answers);
    // A name private in one type but public in another (feedback's fullName, focal points' fullName) is checked per schema above.
    const publicSomewhere = new Set(
      [...Object.keys(app.strapi.contentTypes), ...Object.keys(app.strapi.components)].flatMap((uid) => {
        const model = app.strapi.getModel(uid as never) as { attributes: Record<string, unknown> };
        return Object.keys(model.attributes).filter((name) => !contentTypeUtils.isPrivateAttribute(model as never, name));
      }),
    );
    const onlyPrivate = new Set(
      [...Object.keys(app.strapi.contentTypes), ...Object.keys(app.strapi.components)].flatMap(privateNames).filter((name) => !publicSomewhere.has(name)),
    );
    expect([...onlyPrivate]).toEqual(expect.arrayContaining(['phone', 'createdBy', 'updatedBy', 'related']));
    expect([...used].filter((name) => onlyPrivate.has(name))).toEqual([]);
  });
});

describe('serving', () => {
  it('caches the document like other public reads: strong ETag, then 304', async () => {
    const first = await app.http().get('/api/openapi.json');
    expect(first.headers.etag).toMatch(/^"[A-Za-z0-9_-]{16,}"$/);
    expect(first.headers['cache-control']).toMatch(/^public, max-age=\d+$/);
    const again = await app.http().get('/api/openapi.json').set('If-None-Match', first.headers.etag);
    expect(again.status).toBe(304);
  });

  it('serves the documentation page and its Swagger UI files from this server, nothing from outside', async () => {
    const page = await app.http().get('/api/docs');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).not.toMatch(/https?:\/\//);
    const assets = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map(([, url]) => url);
    expect(assets).toEqual(['docs/swagger-ui.css', 'docs/swagger-ui-bundle.js', 'docs/init.js']);
    for (const asset of assets) {
      const file = await app.http().get(`/api/${asset}`).buffer(true);
      expect({ asset, status: file.status }).toEqual({ asset, status: 200 });
      expect(file.headers['content-type']).toMatch(asset.endsWith('.css') ? /^text\/css/ : /^application\/javascript/);
    }
    const init = await app.http().get('/api/docs/init.js');
    expect(init.text).toContain("url: 'openapi.json'");
    expect(init.text).toContain('validatorUrl: null');
    expect((await app.http().get('/api/docs/package.json')).status).toBe(404);
    expect((await app.http().get('/api/docs/..%2Fpackage.json')).status).toBe(404);
  });
});
