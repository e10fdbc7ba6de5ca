import { SUPER_ADMIN_ENV } from '../helpers/admin';
import {
  createCredentials,
  createFixtures,
  outcomeMatches,
  perform,
  PERSONAL_DATA,
  personalDataIn,
  ROLES,
  servedRoutes,
  type CellResult,
  type Credentials,
  type Fixtures,
  type MatrixCase,
} from '../helpers/authorization-matrix';
import { publishTrusted } from '../helpers/content';
import { UNLIMITED_RATE_ENV } from '../helpers/feedback';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { APP_TYPES, MATRIX } from './authorization-matrix.table';

let app: TestApp;
let credentials: Credentials;
let fixtures: Fixtures;
const results: CellResult[] = [];
const seen = new Set<string>();

const label = (testCase: MatrixCase) => `${testCase.route}${testCase.variant ? ` [${testCase.variant}]` : ''}`;

beforeAll(async () => {
  // Rate limits off: the same public route is called once per caller in a row.
  app = await startTestApp('authorization_matrix', { ...SUPER_ADMIN_ENV, ...UNLIMITED_RATE_ENV });
  credentials = await createCredentials(app.strapi);
  fixtures = await createFixtures(app.strapi, {
    publish: (uid, documentId) => publishTrusted(app.strapi, uid, documentId),
    superAdmin: credentials.header('superAdmin') as string,
  });
});

afterAll(async () => {
  await app?.stop();
});

describe('the table covers the whole server', () => {
  const tableRoutes = () => new Set(MATRIX.map((testCase) => testCase.route));

  it('has an entry for every route the server answers', () => {
    const missing = servedRoutes(app.strapi).filter((route) => !tableRoutes().has(route));
    expect(missing).toEqual([]);
  });

  it('has no entry for a route the server does not answer', () => {
    const served = new Set(servedRoutes(app.strapi));
    expect([...tableRoutes()].filter((route) => !served.has(route))).toEqual([]);
  });

  it('knows every app content type, and there is no single type to expand the single-types routes over', () => {
    const appTypes = Object.keys(app.strapi.contentTypes).filter((uid) => uid.startsWith('api::'));
    expect([...APP_TYPES].sort()).toEqual(appTypes.sort());
    const singleTypes = appTypes.filter((uid) => (app.strapi.contentTypes[uid as never] as { kind: string }).kind === 'singleType');
    expect(singleTypes).toEqual([]);
  });

  it('has one case per app content type on every route expanded by type', () => {
    const byRoute = new Map<string, string[]>();
    for (const testCase of MATRIX) {
      if (!testCase.variant?.startsWith('api::')) continue;
      byRoute.set(testCase.route, [...(byRoute.get(testCase.route) ?? []), testCase.variant]);
    }
    expect(byRoute.size).toBeGreaterThan(0);
    for (const [route, variants] of byRoute) expect({ route, variants: variants.sort() }).toEqual({ route, variants: [...APP_TYPES].sort() });
  });

  it('has one case per GraphQL query and mutation', async () => {
    const schema = await app
      .http()
      .post('/graphql')
      .set('Authorization', credentials.header('fullAccessToken') as string)
      .send({ query: '{ __schema { queryType { fields { name } } mutationType { fields { name } } } }' });
    expect(schema.status).toBe(200);
    const fields = [...schema.body.data.__schema.queryType.fields, ...schema.body.data.__schema.mutationType.fields].map(
      (field: { name: string }) => field.name,
    );
    const cases = MATRIX.filter((testCase) => testCase.graphql).map((testCase) => testCase.variant);
    expect([...cases].sort()).toEqual([...fields].sort());
  });
});

describe('every route answers every caller as the table says', () => {
  it.each(MATRIX.map((testCase) => [label(testCase), testCase] as const))('%s', async (_, testCase) => {
    const problems: string[] = [];
    for (const role of ROLES) {
      const { status, text } = await perform(app.strapi, testCase, credentials.header(role), fixtures);
      const expected = testCase.cells[role];
      results.push({ route: testCase.route, variant: testCase.variant, role, status, expected });
      if (!outcomeMatches(expected, status)) problems.push(`${role}: expected ${expected}, got ${status} ${text.slice(0, 160)}`);
      const leaked = personalDataIn(text);
      leaked.forEach((marker) => seen.add(marker));
      if (leaked.length > 0 && !(testCase.personalData ?? []).includes(role)) problems.push(`${role}: personal data in the answer (${leaked.join(', ')})`);
      if (testCase.endsSession) await credentials.renew(role);
    }
    expect(problems).toEqual([]);
  });
});

describe('across the whole matrix', () => {
  it('never answers with a server error', () => {
    expect(results.length).toBe(MATRIX.length * ROLES.length);
    expect(results.filter((result) => result.status >= 500)).toEqual([]);
  });

  it('saw the personal data it watches for, where the table allows it, so its leak check can fail', () => {
    for (const marker of [...Object.values(PERSONAL_DATA.feedback), ...Object.values(PERSONAL_DATA.focalPoint)]) {
      expect({ marker, seen: seen.has(marker) }).toEqual({ marker, seen: true });
    }
  });
});
