import qs from 'qs';
import { seedDemo } from '../../src/seed';
import { startTestApp, type TestApp } from '../helpers/strapi';

/**
 * The cost of a public read is bounded before it reaches the database: the probe's one-URL denial
 * of service (`$or` branches through to-many relations, whose joins multiply rows) and the values
 * that are database errors on PostgreSQL are answered 400 with the rule they broke.
 */
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp('query-cost');
  await seedDemo(app.strapi);
});

afterAll(async () => {
  await app.stop();
});

const orBranches = (count: number, path: string) =>
  Array.from({ length: count }, (_, index) => `filters[$or][${index}]${path}=x${index}`).join('&');

const expectRefused = (response: { status: number; body: { error?: { message?: string; details?: { rule?: string } } } }, rule: string) => {
  expect(response.status).toBe(400);
  expect(response.body.error?.details?.rule).toBe(rule);
  expect(response.body.error?.message).toMatch(/^(filters|sort|populate)/);
};

describe('filters that would multiply joins are refused with a 400 naming the rule', () => {
  it.each([
    [7, 'maxRelationDepth'],
    [8, 'maxRelationDepth'],
    [100, 'maxBranches'],
  ])('refuses %i $or branches through focalPoints.agency.focalPoints on agencies (%s)', async (count, rule) => {
    const response = await app.http().get(`/api/agencies?${orBranches(count, '[focalPoints][agency][focalPoints][fullName][$containsi]')}`);
    expectRefused(response, rule);
  });

  it('refuses 8 $or branches two relations deep within the depth limit', async () => {
    const response = await app.http().get(`/api/consultation-drafts?${orBranches(8, '[policy][audiences][name][$containsi]')}`);
    expectRefused(response, 'maxRelationFilters');
  });

  it('refuses 16 single-hop branches on focal points', async () => {
    expectRefused(await app.http().get(`/api/agencies?${orBranches(16, '[focalPoints][fullName][$containsi]')}`), 'maxRelationFilters');
  });

  it('refuses 12 branches on the audiences of policies', async () => {
    expectRefused(await app.http().get(`/api/policies?${orBranches(12, '[audiences][name][$containsi]')}`), 'maxRelationFilters');
  });

  it('refuses a filter three relations deep', async () => {
    const response = await app.http().get('/api/consultation-drafts?filters[policy][leadAgency][focalPoints][fullName][$eq]=x');
    expectRefused(response, 'maxRelationDepth');
  });

  it('refuses more scalar branches than the limit, even without relations', async () => {
    expectRefused(await app.http().get(`/api/policies?${orBranches(30, '[title][$containsi]')}`), 'maxBranches');
  });

  it('refuses a populate deeper than the limit', async () => {
    const deep = 'populate[leadAgency][populate][parent][populate][parent][populate][parent][populate][parent]=true';
    expectRefused(await app.http().get(`/api/policies?${deep}`), 'maxPopulateDepth');
  });

  it('refuses sorting through more relations than the limit allows', async () => {
    const response = await app.http().get('/api/policies?filters[audiences][slug]=a&filters[leadAgency][code]=b&filters[consultationDrafts][title]=c&sort=leadAgency.name:asc,audiences.name:desc');
    expectRefused(response, 'maxRelationFilters');
  });
});

describe('reasonable reads stay open', () => {
  it('answers a list filtered through relations with a few branches', async () => {
    const query = qs.stringify({
      filters: { $or: [{ leadAgency: { code: { $eq: 'SO-TC' } } }, { audiences: { slug: { $eq: 'doanh-nghiep' } } }, { stage: 'implementing' }] },
      sort: ['issuedAt:desc', 'title:asc'],
      populate: { leadAgency: { fields: ['name', 'code'] }, audiences: true, consultationDrafts: { fields: ['title'] } },
    });
    const response = await app.http().get(`/api/policies?${query}`);
    expect(response.body.error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(response.body.data.length).toBeGreaterThan(0);
    expect(response.body.data.every((policy: { stage: string; leadAgency: unknown }) => policy.stage === 'implementing' || policy.leadAgency)).toBe(true);
  });

  it('answers the portal’s usual query: agencies with their focal points, sorted by name', async () => {
    const response = await app.http().get('/api/agencies?populate[focalPoints][fields][0]=fullName&sort=name:asc&filters[active][$eq]=true');
    expect(response.status).toBe(200);
    expect(response.body.data.length).toBeGreaterThan(10);
  });
});

describe('values that do not fit their field are a 400, never a database error', () => {
  it.each([
    ['filters[id][$gt]=abc', 'filters.id.$gt', /integer/],
    ['filters[id]=1%3B%20drop', 'filters.id', /integer/],
    ['filters[issuedAt][$lt]=yesterday', 'filters.issuedAt.$lt', /date/],
    ['filters[publishedAt][$gte]=not-a-date', 'filters.publishedAt.$gte', /date-time/],
    ['filters[affectsPeopleAndBusinesses][$eq]=maybe', 'filters.affectsPeopleAndBusinesses.$eq', /true or false/],
    ['filters[id][$containsi]=1', 'filters.id.$containsi', /text fields/],
    ['filters[id][$in][0]=1&filters[id][$in][1]=x', 'filters.id.$in.1', /integer/],
    ['filters[issuedAt][$between][0]=2025-01-01', 'filters.issuedAt.$between', /two values/],
    ['filters[leadAgency][id][$lte]=x', 'filters.leadAgency.id.$lte', /integer/],
    ['filters[title][$eq][nested]=x', 'filters.title.$eq', /single value/],
    ['filters[$or][title]=x', 'filters.$or', /list of conditions/],
  ])('answers %s with a 400 naming %s', async (query, path, message) => {
    const response = await app.http().get(`/api/policies?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(new RegExp(`^${path.replace(/[.$]/g, (c) => `\\${c}`)}: `));
    expect(response.body.error.message).toMatch(message);
  });

  it('answers an unknown operator with Strapi’s own 400 naming it', async () => {
    const response = await app.http().get('/api/policies?filters[title][$regex]=.*');
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/\$regex/);
  });

  it('still accepts well-typed values of every kind', async () => {
    const response = await app.http().get(
      '/api/policies?filters[id][$gt]=0&filters[issuedAt][$lt]=2100-01-01&filters[publishedAt][$gte]=2000-01-01T00:00:00Z&filters[affectsPeopleAndBusinesses][$in][0]=true&filters[affectsPeopleAndBusinesses][$in][1]=false',
    );
    expect(response.status).toBe(200);
  });
});
