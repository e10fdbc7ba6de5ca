import qs from 'qs';
import { DRAFT_MARKER, FIXTURE_TYPES, plantLeakFixtures, type LeakFixtures } from '../helpers/leak-fixtures';
import { startTestApp, type TestApp } from '../helpers/strapi';

/**
 * Nothing private and nothing unpublished leaves through the public doors, whatever is asked.
 * The requests are generated from the content-type schemas and the server's own route list, so a
 * new content type, attribute, relation or route is covered without anyone listing it here; the
 * only hand-written part is the fixtures (tests/helpers/leak-fixtures.ts), and this suite fails
 * when an app content type has none.
 */
type Attribute = { type: string; private?: boolean; target?: string; relation?: string; component?: string };
type Model = { uid: string; kind?: string; info: { pluralName: string }; attributes: Record<string, Attribute>; options?: { draftAndPublish?: boolean } };
type Layer = { path: string; methods: string[] };
type Probe = { description: string; url: string; expectNoMatch?: boolean };
type GraphqlProbe = { description: string; query: string; expectNoMatch?: boolean };

const RELATIONAL = new Set(['relation', 'media']);
const TEXT = new Set(['string', 'text', 'richtext', 'email', 'uid']);
const SYSTEM_TEXT = new Set(['documentId', 'locale', 'slug', 'shortCode', 'trackingCode', 'dedupeKey']);
const NOT_A_MARKER = 'nothing-matches-this-zz';

let app: TestApp;
let fixtures: LeakFixtures;

beforeAll(async () => {
  app = await startTestApp('private-data-drafts');
  fixtures = await plantLeakFixtures(app.strapi);
});

afterAll(async () => {
  await app.stop();
});

const appModels = (): Model[] =>
  Object.values(app.strapi.contentTypes as unknown as Record<string, Model>).filter((model) => model.uid.startsWith('api::'));
const model = (uid: string) => app.strapi.getModel(uid as never) as unknown as Model;
const privateAttributes = (target: Model) => Object.entries(target.attributes).filter(([, attribute]) => attribute.private).map(([name]) => name);
const relations = (target: Model) =>
  Object.entries(target.attributes).filter(([name, attribute]) => RELATIONAL.has(attribute.type) && !['localizations'].includes(name));
const targetOf = (attribute: Attribute) => (attribute.type === 'media' ? 'plugin::upload.file' : attribute.target ?? '');
const textAttributes = (target: Model) =>
  Object.entries(target.attributes)
    .filter(([name, attribute]) => TEXT.has(attribute.type) && !attribute.private && !SYSTEM_TEXT.has(name))
    .map(([name]) => name);
const privateValue = (uid: string, attribute: string) => fixtures.privateValues[`${uid}.${attribute}`] ?? NOT_A_MARKER;

/** Query strings that try every way a private field, an admin author or a draft could come back. */
const restProbes = (uid: string, base: string): Probe[] => {
  const target = model(uid);
  const probes: Probe[] = [];
  const add = (description: string, query: Record<string, unknown> | string, expectNoMatch = false) =>
    probes.push({ description, url: `${base}?${typeof query === 'string' ? query : qs.stringify(query, { encodeValuesOnly: true })}`, expectNoMatch });
  add('no parameters', '');
  add('populate=*', { populate: '*' });
  add('locale=en', { locale: 'en' });
  add('locale=all', { locale: 'all' });
  for (const [name, attribute] of relations(target)) {
    add(`populate ${name}.*`, { populate: { [name]: { populate: '*' } } });
    const nested = model(targetOf(attribute));
    for (const [inner] of nested ? relations(nested) : []) add(`populate ${name}.${inner}.*`, { populate: { [name]: { populate: { [inner]: { populate: '*' } } } } });
    for (const secret of nested ? privateAttributes(nested) : []) {
      const value = privateValue(targetOf(attribute), secret);
      add(`fields ${name}.${secret}`, { populate: { [name]: { fields: [secret] } } });
      add(`filter by ${name}.${secret}`, { filters: { [name]: { [secret]: { $eq: value } } } }, true);
      add(`filter by ${name}.${secret} (contains)`, { filters: { [name]: { [secret]: { $containsi: value.slice(0, 8) } } } }, true);
      add(`populate ${name} filtered by ${secret}`, { populate: { [name]: { filters: { [secret]: { $eq: value } } } } });
      add(`populate ${name} sorted by ${secret}`, { populate: { [name]: { sort: `${secret}:asc` } } });
      add(`sort by ${name}.${secret}`, { sort: `${name}.${secret}:asc` });
      add(`filter $or through ${name}.${secret}`, { filters: { $or: [{ id: { $lt: 0 } }, { [name]: { [secret]: { $eq: value } } }] } }, true);
    }
    for (const text of nested ? textAttributes(nested) : []) {
      add(`filter by the draft marker in ${name}.${text}`, { filters: { [name]: { [text]: { $containsi: DRAFT_MARKER } } } }, true);
    }
  }
  for (const secret of privateAttributes(target)) {
    const value = privateValue(uid, secret);
    add(`fields ${secret}`, { fields: [secret] });
    add(`filter by ${secret}`, { filters: { [secret]: { $eq: value } } }, true);
    add(`filter by ${secret} (not null)`, { filters: { [secret]: { $notNull: true } } }, true);
    add(`filter $and/$or nesting by ${secret}`, { filters: { $and: [{ $or: [{ [secret]: { $startsWith: value.slice(0, 4) } }] }] } }, true);
    add(`filter $not by ${secret}`, { filters: { $not: { [secret]: { $null: true } } } }, true);
    add(`sort by ${secret}`, { sort: [`${secret}:desc`] });
    add(`search for ${secret}`, { _q: value }, true);
  }
  for (const author of ['createdBy', 'updatedBy']) {
    add(`populate ${author}`, { populate: [author] });
    add(`populate ${author}.*`, { populate: { [author]: { populate: '*' } } });
    add(`fields ${author}`, { fields: [author] });
    add(`filter by ${author}.email`, { filters: { [author]: { email: { $containsi: 'zzadminleak' } } } }, true);
    add(`filter by ${author}.firstname`, { filters: { [author]: { firstname: { $startsWith: 'zzadmin' } } } }, true);
    add(`sort by ${author}.email`, { sort: `${author}.email:asc` });
  }
  for (const text of textAttributes(target)) {
    add(`filter by the draft marker in ${text}`, { filters: { [text]: { $containsi: DRAFT_MARKER } } }, true);
    add(`filter $or by the draft marker in ${text}`, { filters: { $or: [{ id: { $lt: 0 } }, { [text]: { $containsi: DRAFT_MARKER } }] } }, true);
  }
  add('search for the draft marker', { _q: DRAFT_MARKER }, true);
  add('status=draft', { status: 'draft' });
  add('publicationFilter', { publicationFilter: 'never-published-document' });
  add('hasPublishedVersion=false', { hasPublishedVersion: 'false' });
  return probes;
};

const bodyOf = (response: { text?: string; body: unknown }) => response.text ?? JSON.stringify(response.body);

const expectNothingLeaked = (text: string, where: string) => {
  for (const marker of fixtures.markers) {
    if (text.toLowerCase().includes(marker.toLowerCase())) throw new Error(`${where} leaked "${marker}": ${text.slice(0, 500)}`);
  }
};

const expectEmptyIfAnswered = (response: { status: number; body: { data?: unknown; meta?: { pagination?: { total?: number } } } }, where: string) => {
  if (response.status !== 200) return;
  const data = response.body.data;
  const count = Array.isArray(data) ? data.length : data ? 1 : 0;
  if (count !== 0 || (response.body.meta?.pagination?.total ?? 0) !== 0) {
    throw new Error(`${where} matched ${count} documents: a private value or a draft can be inferred`);
  }
};

describe('fixtures', () => {
  it('plant documents for every app content type, so a new type cannot go untested', () => {
    expect(appModels().map((target) => target.uid).sort()).toEqual([...FIXTURE_TYPES].sort());
  });
});

describe('REST: every public GET route of the content API', () => {
  it('never answers a private field, an admin author or a draft, and never lets one be inferred from counts', async () => {
    const layers = (app.strapi.server.listRoutes() as unknown as Layer[]).filter(
      (layer) => layer.methods.includes('GET') && /^\/api\//.test(layer.path) && !layer.path.startsWith('/api/connect'),
    );
    expect(layers.length).toBeGreaterThan(10);
    const byPlural = new Map(appModels().map((target) => [target.info.pluralName, target.uid]));
    let requests = 0;
    for (const layer of layers) {
      const plural = layer.path.split('/')[2];
      const uid = byPlural.get(plural);
      const ids = uid ? [...(fixtures.published[uid] ?? []), ...(fixtures.neverPublished[uid] ?? [])] : ['1'];
      // `:documentId` routes of a type (a draft's outcome) are walked with the same planted documents as `:id`.
      const urls = /:(id|documentId)\b/.test(layer.path)
        ? ids.map((id) => layer.path.replace(/:(id|documentId)\b/, id))
        : layer.path.includes(':trackingCode')
          ? fixtures.trackingCodes.map((code) => layer.path.replace(':trackingCode', code))
          : [layer.path.replace(/:[A-Za-z]+/g, '1')];
      for (const url of urls) {
        const probes = uid && !/:(?!id)/.test(layer.path) ? restProbes(uid, url) : [{ description: 'no parameters', url }];
        for (const probe of probes) {
          const response = await app.http().get(probe.url);
          requests += 1;
          const where = `GET ${probe.url} (${probe.description}) → ${response.status}`;
          expect([where, response.status < 500]).toEqual([where, true]);
          expectNothingLeaked(bodyOf(response), where);
          if (probe.expectNoMatch && layer.path.endsWith(plural)) expectEmptyIfAnswered(response, where);
        }
      }
    }
    expect(requests).toBeGreaterThan(300);
    // Thousands of sequential requests: about 100 s on a busy 2-core machine.
  }, 300_000);

  it('walks a consultation outcome that is published (200), so the walk above read one and found nothing', async () => {
    const answers = [];
    for (const documentId of fixtures.published['api::consultation-draft.consultation-draft'] ?? []) {
      const response = await app.http().get(`/api/consultation-drafts/${documentId}/outcome`);
      expectNothingLeaked(bodyOf(response), `outcome of ${documentId}`);
      answers.push(response.status);
    }
    expect(answers).toContain(200);
  });

  it('answers 404 for a never-published document and the published version of one with a newer draft', async () => {
    for (const target of appModels().filter((candidate) => candidate.options?.draftAndPublish)) {
      for (const documentId of fixtures.neverPublished[target.uid] ?? []) {
        expect((await app.http().get(`/api/${target.info.pluralName}/${documentId}`)).status).toBe(404);
      }
      for (const documentId of fixtures.published[target.uid] ?? []) {
        const response = await app.http().get(`/api/${target.info.pluralName}/${documentId}?populate=*`);
        expect(response.status).toBe(200);
        expect(response.body.data.publishedAt).not.toBeNull();
      }
    }
  });

  it('refuses draft previews to the public on every draft-and-publish type (REST)', async () => {
    for (const target of appModels().filter((candidate) => candidate.options?.draftAndPublish)) {
      for (const query of ['status=draft', 'publicationFilter=never-published-document', 'hasPublishedVersion=false']) {
        const response = await app.http().get(`/api/${target.info.pluralName}?${query}`);
        expect([target.uid, query, response.status]).toEqual([target.uid, query, 403]);
      }
    }
  });
});

describe('GraphQL: every query of every content type', () => {
  type GraphqlNaming = {
    getFindQueryName: (contentType: unknown) => string;
    getFindOneQueryName: (contentType: unknown) => string;
    getFindConnectionQueryName: (contentType: unknown) => string;
  };
  const SCALARS = new Set(['string', 'text', 'richtext', 'email', 'uid', 'enumeration', 'integer', 'biginteger', 'float', 'decimal', 'boolean', 'date', 'datetime', 'time', 'blocks', 'json']);

  const scalarSelection = (target: Model) =>
    ['documentId', ...Object.entries(target.attributes).filter(([, attribute]) => SCALARS.has(attribute.type) && !attribute.private).map(([name]) => name)].join(' ');

  const selection = (target: Model, depth: number): string => {
    const parts = [scalarSelection(target)];
    if (depth > 0) {
      for (const [name, attribute] of relations(target)) {
        const nested = app.strapi.getModel(targetOf(attribute) as never) as unknown as Model | undefined;
        if (!nested || name === 'createdBy' || name === 'updatedBy') continue;
        parts.push(`${name} { ${attribute.type === 'media' ? 'url name' : selection(nested, depth - 1)} }`);
      }
    }
    return parts.join(' ');
  };

  const graphqlProbes = (target: Model): GraphqlProbe[] => {
    const naming = app.strapi.plugin('graphql').service('utils').naming as GraphqlNaming;
    const list = naming.getFindQueryName(target);
    const one = naming.getFindOneQueryName(target);
    const connection = naming.getFindConnectionQueryName(target);
    const fields = selection(target, 2);
    const probes: GraphqlProbe[] = [
      { description: 'list with relations', query: `{ ${list}(pagination: { limit: 100 }) { ${fields} } }` },
      { description: 'connection', query: `{ ${connection} { nodes { ${fields} } pageInfo { total } } }` },
      { description: 'aliases and fragments', query: `{ a: ${list} { ...F } b: ${list}(sort: "documentId:desc") { ...F } } fragment F on ${app.strapi.plugin('graphql').service('utils').naming.getTypeName(target)} { ${fields} }` },
      { description: 'status DRAFT', query: `{ ${list}(status: DRAFT) { ${fields} } }` },
      { description: 'en locale', query: `{ ${list}(locale: "en") { ${fields} } }` },
    ];
    for (const documentId of [...(fixtures.published[target.uid] ?? []), ...(fixtures.neverPublished[target.uid] ?? [])]) {
      probes.push({ description: `one ${documentId}`, query: `{ ${one}(documentId: "${documentId}") { ${fields} } }` });
      probes.push({ description: `one ${documentId} as DRAFT`, query: `{ ${one}(documentId: "${documentId}", status: DRAFT) { ${fields} } }` });
    }
    for (const text of textAttributes(target)) {
      probes.push({ description: `draft marker in ${text}`, query: `{ ${connection}(filters: { ${text}: { containsi: "${DRAFT_MARKER}" } }) { nodes { documentId } pageInfo { total } } }`, expectNoMatch: true });
    }
    for (const [name, attribute] of relations(target)) {
      const nested = app.strapi.getModel(targetOf(attribute) as never) as unknown as Model | undefined;
      if (!nested || attribute.type === 'media' || name === 'createdBy' || name === 'updatedBy') continue;
      for (const text of textAttributes(nested)) {
        probes.push({
          description: `draft marker in ${name}.${text}`,
          query: `{ ${connection}(filters: { ${name}: { ${text}: { containsi: "${DRAFT_MARKER}" } } }) { nodes { documentId } pageInfo { total } } }`,
          expectNoMatch: true,
        });
      }
    }
    return probes;
  };

  it('never answers a private field, an admin author or a draft, and never lets one be inferred from counts', async () => {
    let requests = 0;
    for (const target of appModels()) {
      for (const probe of graphqlProbes(target)) {
        const response = await app.http().post('/graphql').send({ query: probe.query });
        requests += 1;
        const where = `GraphQL ${target.uid} (${probe.description}) → ${response.status}`;
        expect([where, response.status < 500]).toEqual([where, true]);
        expectNothingLeaked(bodyOf(response), where);
        if (probe.expectNoMatch && response.body.data) {
          const answer = Object.values(response.body.data as Record<string, { nodes: unknown[]; pageInfo: { total: number } } | null>)[0];
          expect([where, answer?.nodes.length ?? 0, answer?.pageInfo.total ?? 0]).toEqual([where, 0, 0]);
        }
      }
    }
    expect(requests).toBeGreaterThan(40);
  });

  it('has no private attribute anywhere in the public schema', async () => {
    const response = await app.http().post('/graphql').send({ query: '{ __schema { types { name fields { name } } } }' });
    const types = response.body.data.__schema.types as Array<{ name: string; fields: Array<{ name: string }> | null }>;
    const naming = app.strapi.plugin('graphql').service('utils').naming as { getTypeName: (contentType: unknown) => string };
    for (const target of appModels()) {
      const type = types.find((candidate) => candidate.name === naming.getTypeName(target));
      if (!type) continue;
      const names = (type.fields ?? []).map((field) => field.name);
      for (const secret of [...privateAttributes(target), 'createdBy', 'updatedBy']) expect([target.uid, names.includes(secret)]).toEqual([target.uid, false]);
    }
  });
});
