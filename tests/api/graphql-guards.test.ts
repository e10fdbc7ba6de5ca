import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { PUBLIC_ACTIONS } from '../../src/bootstrap/public-permissions';
import { CONSULTATION_DRAFT_UID, POLICY_UID, RADIO_SCRIPT_UID } from '../../src/common/uids';
import { seedDemo } from '../../src/seed';
import { createFullAccessToken } from '../helpers/api-token';
import { consultationDraftData, createDocument, policyData, publishTrusted } from '../helpers/content';
import { startTestApp, type TestApp } from '../helpers/strapi';

/**
 * Every GraphQL request is checked before it runs: no draft reaches the public through any query,
 * argument or relation; documents graphql's validation cannot survive are a 400; and the cost of
 * an operation (aliases, rows, every field's filters) is bounded with a 400 naming the rule.
 */
let app: TestApp;
let token: string;
let schema: GraphQLSchema;
const fixture = { policy: '', publishedTitle: '', draftTitle: '', script: '', hiddenDraft: '' };

type GraphqlError = { message: string; path?: string[]; extensions: { code: string; error?: { details?: { rule?: string; path?: string; param?: string } } } };
type GraphqlResponse = { status: number; body: { data?: Record<string, unknown> | null; errors?: GraphqlError[] } };
type Options = { variables?: Record<string, unknown>; bearer?: string; path?: string };

const gql = (query: string, { variables, bearer, path = '/graphql' }: Options = {}): Promise<GraphqlResponse> => {
  const request = app.http().post(path);
  if (bearer) request.set('Authorization', `Bearer ${bearer}`);
  return request.send({ query, variables });
};

/** GET as a browser front end sends it: Apollo's CSRF prevention wants a preflight header on GET. */
const gqlGet = (query: string, { variables, path = '/graphql' }: Options = {}): Promise<GraphqlResponse> =>
  app
    .http()
    .get(path)
    .query({ query, ...(variables ? { variables: JSON.stringify(variables) } : {}) })
    .set('apollo-require-preflight', 'true');

const codeOf = (response: GraphqlResponse) => response.body.errors?.[0]?.extensions.code;
const ruleOf = (response: GraphqlResponse) => response.body.errors?.[0]?.extensions.error?.details?.rule;

const expectRefused = (response: GraphqlResponse, rule: string) => {
  expect(response.status).toBe(400);
  expect(response.body.data).toBeUndefined();
  expect(codeOf(response)).toBe('BAD_USER_INPUT');
  expect(ruleOf(response)).toBe(rule);
};

const expectAnswered = (response: GraphqlResponse) => {
  expect(response.body.errors).toBeUndefined();
  expect(response.status).toBe(200);
};

const expectDraftRefused = (response: GraphqlResponse) => {
  expect(response.status).toBe(403);
  expect(response.body.data).toBeUndefined();
  expect(codeOf(response)).toBe('FORBIDDEN');
};

const CYCLE = 'query { policies { ...A } } fragment A on Policy { title ...B } fragment B on Policy { ...A }';

/** A value graphql accepts for `type`, for calling any field with only its required arguments. */
const sampleValue = (type: GraphQLInputType): unknown => {
  if (isNonNullType(type)) return sampleValue(type.ofType);
  if (isListType(type)) return [sampleValue(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((field) => isNonNullType(field.type))
        .map((field) => [field.name, sampleValue(field.type)]),
    );
  }
  const scalars: Record<string, unknown> = { Int: 1, Float: 1, Boolean: true, ID: '1', DateTime: '2025-01-01T00:00:00.000Z', Date: '2025-01-01', JSON: {} };
  return scalars[type.name] ?? 'x';
};

/** An operation calling `field` with its required arguments and `extra` ones, all through variables. */
const callOf = (operation: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, extra: Record<string, unknown> = {}) => {
  const args = field.args.filter((argument) => (isNonNullType(argument.type) && argument.defaultValue === undefined) || argument.name in extra);
  const declarations = args.map((argument) => `$${argument.name}: ${String(argument.type)}`).join(', ');
  const passed = args.map((argument) => `${argument.name}: $${argument.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  const variables = Object.fromEntries(args.map((argument: GraphQLArgument) => [argument.name, extra[argument.name] ?? sampleValue(argument.type)]));
  return {
    query: `${operation}${declarations ? `(${declarations})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selection} }`,
    variables,
  };
};

const rootFields = (type: 'query' | 'mutation') =>
  Object.values((type === 'query' ? schema.getQueryType() : schema.getMutationType())?.getFields() ?? {}).filter((field) => !field.name.startsWith('__'));

type Naming = Record<'getFindOneQueryName' | 'getFindQueryName' | 'getFindConnectionQueryName', (contentType: unknown) => string>;

/** The Query fields of the content types the public role may read (find, findOne), named as the graphql plugin names them. */
const publicQueryNames = (): Set<string> => {
  const naming = app.strapi.plugin('graphql').service('utils').naming as Naming;
  return new Set(
    PUBLIC_ACTIONS.flatMap((action) => {
      // Which locales exist is public; Strapi answers the connection field as for a type without `find`.
      if (action === 'plugin::i18n.locales.listLocales') return ['i18NLocale', 'i18NLocales'];
      const uid = action.slice(0, action.lastIndexOf('.'));
      const contentType = app.strapi.contentType(uid as never);
      return action.endsWith('.findOne') ? [naming.getFindOneQueryName(contentType)] : [naming.getFindQueryName(contentType), naming.getFindConnectionQueryName(contentType)];
    }),
  );
};

beforeAll(async () => {
  app = await startTestApp('graphql-guards');
  const { strapi } = app;
  await seedDemo(strapi);
  token = await createFullAccessToken(strapi);
  schema = buildClientSchema((await gql(getIntrospectionQuery(), { bearer: token })).body.data as unknown as IntrospectionQuery);

  // A published policy whose draft has moved on, a published radio script about it, and a
  // consultation draft on it that was never published.
  fixture.publishedTitle = 'Chính sách đã công bố (kiểm thử GraphQL)';
  fixture.draftTitle = 'Tiêu đề mới chưa được duyệt';
  fixture.policy = (await createDocument(strapi, POLICY_UID, policyData({ title: fixture.publishedTitle }), { publish: true })).documentId;
  const script = await strapi.documents(RADIO_SCRIPT_UID).create({
    data: { policy: fixture.policy, title: 'Bản tin kiểm thử GraphQL', language: 'vi', script: 'Kính thưa bà con.' } as never,
  });
  fixture.script = script.documentId;
  await publishTrusted(strapi, RADIO_SCRIPT_UID, fixture.script);
  await strapi.documents(POLICY_UID).update({ documentId: fixture.policy, locale: 'vi', data: { title: fixture.draftTitle } } as never);
  fixture.hiddenDraft = (
    await createDocument(strapi, CONSULTATION_DRAFT_UID, consultationDraftData(fixture.policy, { title: 'Dự thảo chưa công bố (kiểm thử GraphQL)' }))
  ).documentId;
});

afterAll(async () => {
  await app.stop();
});

describe('drafts never reach the public through GraphQL', () => {
  const draftArguments = (): Record<string, unknown> => {
    const publicationFilter = schema.getType('PublicationFilter');
    return {
      status: 'DRAFT',
      hasPublishedVersion: true,
      ...(isEnumType(publicationFilter) ? { publicationFilter: publicationFilter.getValues()[0].name } : {}),
    };
  };

  it('refuses every draft-revealing argument of every Query field to the public, and answers it for an API token', async () => {
    const checked = new Set<string>();
    for (const field of rootFields('query')) {
      for (const [name, value] of Object.entries(draftArguments())) {
        if (!field.args.some((argument) => argument.name === name)) continue;
        const { query, variables } = callOf('query', field, { [name]: value });
        const refused = await gql(query, { variables });
        expect([field.name, name, refused.status, codeOf(refused)]).toEqual([field.name, name, 403, 'FORBIDDEN']);
        expect(refused.body.errors?.[0].extensions.error?.details?.param).toBe(name);
        const preview = await gql(query, { variables, bearer: token });
        expect([field.name, name, preview.status]).toEqual([field.name, name, 200]);
        expect(preview.body.errors?.find((error) => error.extensions.code === 'FORBIDDEN')).toBeUndefined();
        checked.add(field.name);
      }
    }
    // The probe's hole among them; `me` takes no such argument.
    expect([...checked]).toEqual(expect.arrayContaining(['radioScript', 'radioScripts', 'radioScripts_connection', 'policies', 'uploadFiles', 'i18NLocales']));
  });

  it('answers status PUBLISHED to the public', async () => {
    expectAnswered(await gql('{ radioScripts(status: PUBLISHED) { title } }'));
  });

  it('refuses the probe’s radio-script query with its policy relation', async () => {
    const response = await gql('{ radioScripts(status: DRAFT) { script policy { documentId title summary stage publishedAt } } }');
    expectDraftRefused(response);
    expect(response.body.errors?.[0].message).toMatch(/^radioScripts: .*API token/);
  });

  it('refuses a status carried by a variable, inside an aliased fragment', async () => {
    const query = 'query Q($s: PublicationStatus) { ...Scripts } fragment Scripts on Query { preview: radioScripts(status: $s) { title } }';
    expectDraftRefused(await gql(query, { variables: { s: 'DRAFT' } }));
    expectAnswered(await gql(query, { variables: { s: 'PUBLISHED' } }));
  });

  it('refuses a draft status over GET and on every spelling of the path', async () => {
    expectDraftRefused(await gqlGet('{ policies(status: DRAFT) { title } }'));
    expectDraftRefused(await gql('{ policies(status: DRAFT) { title } }', { path: '/GraphQL/' }));
  });

  it('treats an end user’s JWT like the public: only an API token previews drafts', async () => {
    const role = (await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } })) as { id: number };
    const user = (await app.strapi.plugin('users-permissions').service('user').add({
      username: 'citizen',
      email: 'citizen@example.vn',
      password: 'Citizen-Pass-2026',
      provider: 'local',
      confirmed: true,
      role: role.id,
    })) as { id: number };
    const jwt = app.strapi.plugin('users-permissions').service('jwt').issue({ id: user.id }) as string;
    expectAnswered(await gql('{ radioScripts { title } }', { bearer: jwt }));
    expectDraftRefused(await gql('{ radioScripts(status: DRAFT) { title } }', { bearer: jwt }));
  });

  it('offers no status argument on relation fields, so a nested draft request is refused', async () => {
    const response = await gql('{ policies { consultationDrafts(status: DRAFT) { title } } }');
    expect([400, 403]).toContain(response.status);
    expect(response.body.data).toBeUndefined();
  });

  it('shows the public the published policy of a published radio script, not the policy’s newer draft', async () => {
    const query = `query($id: ID!, $status: PublicationStatus) { radioScripts(status: $status, filters: { documentId: { eq: $id } }) { policy { title publishedAt } } }`;
    const published = await gql(query, { variables: { id: fixture.script } });
    expectAnswered(published);
    expect(published.body.data?.radioScripts).toEqual([{ policy: { title: fixture.publishedTitle, publishedAt: expect.any(String) } }]);

    const preview = await gql(query, { variables: { id: fixture.script, status: 'DRAFT' }, bearer: token });
    expectAnswered(preview);
    expect(preview.body.data?.radioScripts).toEqual([{ policy: { title: fixture.draftTitle, publishedAt: null } }]);
  });

  it('leaves a never-published consultation draft out of a published policy’s relations', async () => {
    const query = `query($id: ID!, $status: PublicationStatus) { policy(documentId: $id, status: $status) {
      consultationDrafts { documentId } consultationDrafts_connection { nodes { documentId } } } }`;
    const published = await gql(query, { variables: { id: fixture.policy } });
    expectAnswered(published);
    expect(JSON.stringify(published.body.data)).not.toContain(fixture.hiddenDraft);

    const preview = await gql(query, { variables: { id: fixture.policy, status: 'DRAFT' }, bearer: token });
    expectAnswered(preview);
    expect(JSON.stringify(preview.body.data)).toContain(fixture.hiddenDraft);
  });

  it('returns no draft anywhere through the relations of any publicly readable content type', async () => {
    const naming = app.strapi.plugin('graphql').service('utils').naming as Naming;
    type Model = { uid: string; options?: { draftAndPublish?: boolean }; pluginOptions?: { i18n?: { localized?: boolean } }; attributes: Record<string, { type: string; target?: string; private?: boolean; relation?: string }> };
    const model = (uid: string) => app.strapi.getModel(uid as never) as unknown as Model;
    const hasDrafts = (uid: string) => model(uid)?.options?.draftAndPublish === true;
    const readable = [...new Set(PUBLIC_ACTIONS.filter((action) => action.endsWith('.find')).map((action) => action.slice(0, -'.find'.length)))];

    const queries = readable.map((uid) => {
      const relations = Object.entries(model(uid).attributes)
        .filter(([, attribute]) => attribute.type === 'relation' && !attribute.private && attribute.target && !attribute.relation?.startsWith('morph') && hasDrafts(attribute.target))
        .map(([name]) => `${name} { documentId publishedAt }`);
      if (hasDrafts(uid) && model(uid).pluginOptions?.i18n?.localized) relations.push('localizations { documentId publishedAt }');
      const own = hasDrafts(uid) ? 'documentId publishedAt' : 'documentId';
      return (status: string) => `{ ${naming.getFindQueryName(model(uid))}(status: ${status}, pagination: { pageSize: 100 }) { ${own} ${relations.join(' ')} } }`;
    });

    const publishedAtValues = (value: unknown): unknown[] => {
      if (Array.isArray(value)) return value.flatMap(publishedAtValues);
      if (typeof value !== 'object' || value === null) return [];
      const own = 'publishedAt' in value ? [(value as { publishedAt: unknown }).publishedAt] : [];
      return [...own, ...Object.values(value).flatMap(publishedAtValues)];
    };

    const publicValues: unknown[] = [];
    const previewValues: unknown[] = [];
    for (const build of queries) {
      const published = await gql(build('PUBLISHED'));
      expectAnswered(published);
      publicValues.push(...publishedAtValues(published.body.data));
      const preview = await gql(build('DRAFT'), { bearer: token });
      expectAnswered(preview);
      previewValues.push(...publishedAtValues(preview.body.data));
    }
    expect(publicValues.length).toBeGreaterThan(20);
    expect(publicValues.filter((value) => value === null)).toEqual([]);
    // The same selections do reach drafts when asked with a token: the check above can fail.
    expect(previewValues.filter((value) => value === null).length).toBeGreaterThan(0);
  });

  it('lets the public read exactly the queries of the content types it may find, and forbids the others (media, users, me…)', async () => {
    const expected = publicQueryNames();
    const readable: string[] = [];
    for (const field of rootFields('query')) {
      const { query, variables } = callOf('query', field);
      const response = await gql(query, { variables });
      const forbidden = response.body.errors?.some((error) => error.extensions.code === 'FORBIDDEN') ?? false;
      if (!forbidden) readable.push(field.name);
    }
    expect(readable.sort()).toEqual([...expected].sort());
    expect(readable).not.toContain('me');
  });

  it('forbids every mutation to the public, except users-permissions’ own sign-in flows', async () => {
    // auth:false resolvers of users-permissions: the schema lets the public call them; whether `register`
    // then creates an account is the self-registration switch's business (security.usersRegistrationEnabled).
    const signInFlows = new Set(['login', 'register', 'forgotPassword', 'resetPassword', 'emailConfirmation']);
    const mutations = rootFields('mutation');
    expect(mutations.length).toBeGreaterThan(20);
    const reachable: string[] = [];
    for (const field of mutations) {
      const { query, variables } = callOf('mutation', field);
      const response = await gql(query, { variables });
      if (!response.body.errors?.some((error) => error.extensions.code === 'FORBIDDEN')) reachable.push(field.name);
    }
    expect(reachable.filter((name) => !signInFlows.has(name))).toEqual([]);
  });
});

describe('documents graphql’s validation cannot survive are a 400 naming the problem', () => {
  const expectFragmentRefused = (response: GraphqlResponse, message: RegExp) => {
    expect(response.status).toBe(400);
    expect(response.body.data).toBeUndefined();
    expect(codeOf(response)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.body.errors?.[0].message).toMatch(message);
  };

  it('refuses a fragment cycle with a 400 naming the fragments, not a 500', async () => {
    expectFragmentRefused(await gql(CYCLE), /Cannot spread fragment "A" within itself via "B"/);
  });

  it('refuses a fragment cycle over GET, with any letter case or a trailing slash in the path', async () => {
    const cycle = /fragment "A"/;
    expectFragmentRefused(await gqlGet(CYCLE, { path: '/GraphQL' }), cycle);
    expectFragmentRefused(await gql(CYCLE, { path: '/graphql/' }), cycle);
    expectFragmentRefused(await gql(CYCLE, { path: '/GRAPHQL/' }), cycle);
    expectFragmentRefused(await gql(CYCLE, { path: '/graphql?source=portal' }), cycle);
  });

  it('refuses a fragment cycle hidden in a batch, and batches themselves', async () => {
    const withCycle = await app.http().post('/graphql').send([{ query: '{ policies { title } }' }, { query: CYCLE }]);
    expectFragmentRefused(withCycle, /fragment "A"/);
    const batch = await app.http().post('/graphql').send([{ query: '{ policies { title } }' }, { query: '{ agencies { name } }' }]);
    expect(batch.status).toBe(400);
    expect(batch.body.errors[0].message).toMatch(/batching disabled/i);
  });

  it('refuses an unknown fragment with a 400 naming it', async () => {
    expectFragmentRefused(await gql('{ policies { ...Missing } }'), /Unknown fragment "Missing"/);
  });

  it('refuses a fragment bomb (each fragment spreading the next twice) at once', async () => {
    let fragments = '';
    for (let level = 0; level < 30; level += 1) fragments += ` fragment F${level} on Policy { ...F${level + 1} ...F${level + 1} }`;
    const started = Date.now();
    const response = await gql(`{ policies { ...F0 } }${fragments} fragment F30 on Policy { title }`);
    expectRefused(response, 'maxFields');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses a document with more tokens than the parser is allowed to read', async () => {
    const response = await gql(`{ policies { ${'title '.repeat(12_000)} } }`);
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0].message).toMatch(/tokens/);
  });

  it('answers a selection nested thousands of levels deep with a 400, not a 500', async () => {
    const levels = 3300;
    const response = await gql(`{ policies { ${'leadAgency { parent { '.repeat(levels / 2)}name${' }'.repeat(levels)} } }`);
    expect(response.status).toBe(400);
    expect(response.body.data).toBeUndefined();
  });

  it('keeps Strapi’s depth limit of 7', async () => {
    const response = await gql('{ policies { leadAgency { parent { parent { parent { parent { parent { parent { name } } } } } } } } }');
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0].message).toMatch(/maximum operation depth of 7/);
  });
});

describe('the cost of an operation is bounded with a 400 naming the rule', () => {
  const aliases = (count: number, selection: string) => Array.from({ length: count }, (_, index) => `a${index}: ${selection}`).join(' ');

  it('refuses the probe: 100 aliases of a populated page of 100 policies', async () => {
    const started = Date.now();
    const response = await gql(`{ ${aliases(100, 'policies(pagination: { pageSize: 100 }) { title leadAgency { name } audiences { name } }')} }`);
    expectRefused(response, 'maxFields');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses more root fields than allowed, aliases included, and answers the limit', async () => {
    expectRefused(await gql(`{ ${aliases(21, 'audiences { name }')} }`), 'maxRootFields');
    expectAnswered(await gql(`{ ${aliases(20, 'audiences { name }')} }`));
  });

  it('refuses a list nested in a list whose page sizes multiply past the limit', async () => {
    const response = await gql('{ policies(pagination: { pageSize: 100 }) { audiences(pagination: { pageSize: 100 }) { name } } }');
    expectRefused(response, 'maxComplexity');
    expect(response.body.errors?.[0].message).toMatch(/10100 rows/);
  });

  it('counts page sizes carried by variables', async () => {
    const query = 'query($n: Int) { policies(pagination: { pageSize: $n }) { audiences(pagination: { pageSize: $n }) { name } } }';
    expectRefused(await gql(query, { variables: { n: 100 } }), 'maxComplexity');
    expectAnswered(await gql(query, { variables: { n: 10 } }));
  });

  it('passes a _connection’s page size on to its nodes', async () => {
    const response = await gql('{ policies_connection(pagination: { pageSize: 100 }) { nodes { audiences(pagination: { pageSize: 100 }) { name } } } }');
    expectRefused(response, 'maxComplexity');
  });

  it('counts a field selected through two fragments once, as graphql runs it once', async () => {
    const response = await gql(`{ policies(pagination: { pageSize: 100 }) { ...A ...B } }
      fragment A on Policy { audiences(pagination: { pageSize: 50 }) { name } }
      fragment B on Policy { audiences(pagination: { pageSize: 50 }) { slug } }`);
    expectAnswered(response);
  });

  it('refuses the probe’s or-branches through to-many relations on agencies', async () => {
    const branches = Array.from({ length: 8 }, (_, index) => `{ focalPoints: { agency: { focalPoints: { fullName: { containsi: "x${index}" } } } } }`);
    const response = await gql(`{ agencies(filters: { or: [${branches.join(', ')}] }) { name } }`);
    expectRefused(response, 'maxRelationDepth');
    expect(response.body.errors?.[0].message).toMatch(/^agencies: filters\.or\.0\.focalPoints/);
  });

  it('refuses 16 single-hop branches on focal points', async () => {
    const branches = Array.from({ length: 16 }, (_, index) => ({ focalPoints: { fullName: { containsi: `x${index}` } } }));
    expectRefused(await gql('query($f: AgencyFiltersInput) { agencies(filters: $f) { name } }', { variables: { f: { or: branches } } }), 'maxRelationFilters');
  });

  it('refuses filters carried by variables, over POST and GET', async () => {
    const query = 'query($f: AgencyFiltersInput) { agencies(filters: $f) { name } }';
    const variables = { f: { or: Array.from({ length: 30 }, (_, index) => ({ name: { eq: `x${index}` } })) } };
    expectRefused(await gql(query, { variables }), 'maxBranches');
    expectRefused(await gqlGet(query, { variables }), 'maxBranches');
  });

  it('refuses the filters of a nested relation field, which the document service never sees', async () => {
    const branches = Array.from({ length: 30 }, (_, index) => `{ fullName: { eq: "x${index}" } }`).join(', ');
    const response = await gql(`{ focalPoints(pagination: { pageSize: 5 }) { ...Colleagues } }
      fragment Colleagues on FocalPoint { agency { focalPoints(filters: { or: [${branches}] }) { fullName } } }`);
    expectRefused(response, 'maxBranches');
    expect(response.body.errors?.[0].extensions.error?.details?.path).toBe('focalPoints.agency.focalPoints.filters.or');
  });

  it('refuses more sort keys than allowed', async () => {
    expectRefused(await gql('{ policies(sort: ["title", "slug", "stage", "issuer", "documentNumber", "issuedAt"]) { title } }'), 'maxSorts');
  });

  it('answers what the document service’s own read guard refuses with BAD_USER_INPUT, not INTERNAL_SERVER_ERROR', async () => {
    // Filter values are typed by GraphQL and not length-checked here; the document service's guard checks them.
    const response = await gql(`{ policies(filters: { title: { containsi: "${'x'.repeat(600)}" } }) { title } }`);
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    expect(ruleOf(response)).toBe('maxValueLength');
    expect(response.body.errors?.[0].path).toEqual(['policies']);
    expect(response.body.data).toBeNull();
  });
});

describe('what the real front ends send still answers', () => {
  it('answers the portal’s home page: a few aliased lists with their relations', async () => {
    const response = await gql(
      `query PortalHome($stage: String, $since: DateTime) {
        latest: policies(locale: "vi", pagination: { pageSize: 10 }, sort: ["publishedAt:desc"]) {
          documentId title summary stage publishedAt leadAgency { name } audiences { name slug } }
        implementing: policies(filters: { stage: { eq: $stage } }, pagination: { pageSize: 5 }) { documentId title }
        consultations: consultationDrafts(filters: { closesAt: { gte: $since } }, pagination: { pageSize: 5 }) {
          documentId title closesAt consultationStatus policy { title } }
        agencies(pagination: { pageSize: 100 }, sort: ["name:asc"]) { name code focalPoints { fullName position } }
      }`,
      { variables: { stage: 'implementing', since: '2020-01-01T00:00:00.000Z' } },
    );
    expectAnswered(response);
    expect((response.body.data?.latest as unknown[]).length).toBeGreaterThan(0);
    expect((response.body.data?.agencies as unknown[]).length).toBeGreaterThan(10);
  });

  it('answers a page of 100 policies with their lead agency and audiences', async () => {
    const response = await gql('{ policies(pagination: { pageSize: 100 }) { title leadAgency { name code } audiences { name } } }');
    expectAnswered(response);
    expect((response.body.data?.policies as unknown[]).length).toBeGreaterThan(10);
  });

  it('answers a _connection page with its page info, over GET', async () => {
    const response = await gqlGet('query($page: Int) { policies_connection(pagination: { page: $page, pageSize: 25 }) { nodes { title leadAgency { name } } pageInfo { total pageCount } } }', {
      variables: { page: 1 },
    });
    expectAnswered(response);
    expect((response.body.data?.policies_connection as { pageInfo: { total: number } }).pageInfo.total).toBeGreaterThan(10);
  });

  it('answers an integrator’s incremental pull filtered by publication date', async () => {
    const response = await gql('{ policies(filters: { publishedAt: { gte: "2000-01-01T00:00:00Z" } }, sort: ["publishedAt:asc"], pagination: { pageSize: 100 }) { documentId publishedAt } }', {
      bearer: token,
    });
    expectAnswered(response);
    expect((response.body.data?.policies as unknown[]).length).toBeGreaterThan(10);
  });

  it('answers the introspection query developer tools send', async () => {
    const response = await gql(getIntrospectionQuery());
    expectAnswered(response);
  });
});
