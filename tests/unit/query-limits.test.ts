import * as fc from 'fast-check';
import { assertReadQueryWithinLimits, DEFAULT_QUERY_LIMITS, type ModelLike } from '../../src/lib/query-limits';

const MODELS: Record<string, ModelLike> = {
  'api::agency.agency': {
    attributes: {
      name: { type: 'string' },
      active: { type: 'boolean' },
      parent: { type: 'relation', relation: 'manyToOne', target: 'api::agency.agency' },
      focalPoints: { type: 'relation', relation: 'oneToMany', target: 'api::focal-point.focal-point' },
    },
  },
  'api::focal-point.focal-point': {
    attributes: {
      fullName: { type: 'string' },
      appointedAt: { type: 'date' },
      agency: { type: 'relation', relation: 'manyToOne', target: 'api::agency.agency' },
      appointmentDocument: { type: 'media' },
    },
  },
  'plugin::upload.file': { attributes: { name: { type: 'string' }, size: { type: 'decimal' } } },
};
const getModel = (uid: string) => MODELS[uid];
const AGENCY = 'api::agency.agency';

const ruleOf = (run: () => void): string | undefined => {
  try {
    run();
    return undefined;
  } catch (error) {
    return (error as { details?: { rule?: string } }).details?.rule;
  }
};
const check = (query: Parameters<typeof assertReadQueryWithinLimits>[2], style: '$' | '' = '$') =>
  ruleOf(() => assertReadQueryWithinLimits(getModel, AGENCY, query, DEFAULT_QUERY_LIMITS, style));

describe('query limits', () => {
  it('accepts a plain query with a few relation conditions', () => {
    expect(check({ filters: { name: { $containsi: 'sở' }, focalPoints: { fullName: { $eq: 'A' } } }, sort: 'name:asc', populate: { focalPoints: true } })).toBeUndefined();
  });

  it('counts each relation condition inside $or branches', () => {
    const branches = Array.from({ length: 5 }, (_, index) => ({ focalPoints: { fullName: { $eq: `x${index}` } } }));
    expect(check({ filters: { $or: branches.slice(0, 4) } })).toBeUndefined();
    expect(check({ filters: { $or: branches } })).toBe('maxRelationFilters');
  });

  it('treats qs index objects like arrays', () => {
    const branches = Object.fromEntries(Array.from({ length: 21 }, (_, index) => [String(index), { name: `x${index}` }]));
    expect(check({ filters: { $or: branches } })).toBe('maxBranches');
  });

  it('bounds the depth of one path, media and components included', () => {
    expect(check({ filters: { focalPoints: { agency: { name: 'x' } } } })).toBeUndefined();
    expect(check({ filters: { focalPoints: { agency: { focalPoints: { fullName: 'x' } } } } })).toBe('maxRelationDepth');
    expect(check({ filters: { focalPoints: { appointmentDocument: { name: 'x' } } } })).toBeUndefined();
  });

  it('refuses a sort path with an empty field name, which Strapi would crash on', () => {
    for (const sort of ['.', 'name.', '.name', ':asc', 'parent..name:desc', 'name,.', ['name', '.']]) expect(check({ sort })).toBe('sort');
    for (const sort of ['', 'name', 'name:desc', 'parent.name:asc', 'name,parent.name']) expect(check({ sort })).toBeUndefined();
  });

  it('counts relation hops in sort strings and objects', () => {
    expect(check({ sort: ['focalPoints.fullName:asc', 'parent.parent.parent.name'] })).toBe('maxRelationDepth');
    expect(check({ sort: { parent: { name: 'asc' } } })).toBeUndefined();
  });

  it('bounds populate depth and size, with * expanding to every relation', () => {
    const deep = { parent: { populate: { parent: { populate: { parent: { populate: { parent: { populate: { parent: true } } } } } } } } };
    expect(check({ populate: deep })).toBe('maxPopulateDepth');
    expect(check({ populate: '*' })).toBeUndefined();
    expect(check({ populate: 'parent.parent.parent.parent.parent' })).toBe('maxPopulateDepth');
  });

  it('checks values against their attribute type', () => {
    expect(check({ filters: { id: { $gt: 'abc' } } })).toBe('valueType');
    expect(check({ filters: { active: 'yes' } })).toBe('valueType');
    expect(check({ filters: { focalPoints: { appointedAt: { $lt: '2025-02-30x' } } } })).toBe('valueType');
    expect(check({ filters: { focalPoints: { appointmentDocument: { size: { $gte: '1,5' } } } } })).toBe('valueType');
    expect(check({ filters: { id: { $containsi: '1' } } })).toBe('operator');
    expect(check({ filters: { id: { $in: ['1', '2', '3'] }, active: { $null: 'true' } } })).toBeUndefined();
  });

  it('checks only the shape of GraphQL inputs, whose values GraphQL has typed', () => {
    expect(check({ filters: { or: Array.from({ length: 25 }, () => ({ name: { eq: 'x' } })) } }, '')).toBe('maxBranches');
    expect(check({ filters: { focalPoints: { agency: { focalPoints: { fullName: { containsi: 'x' } } } } } }, '')).toBe('maxRelationDepth');
    expect(check({ filters: { name: { eq: 12 } } }, '')).toBeUndefined();
  });

  it('never throws anything but a ValidationError, whatever the query', () => {
    const key = fc.constantFrom('$or', '$and', '$not', '$eq', '$in', '$between', '$null', 'id', 'name', 'active', 'parent', 'focalPoints', 'agency', 'fullName', 'appointedAt', 'populate', 'filters', 'sort', '*', '0');
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 0 }), fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(key, tie('node'), { maxKeys: 3 })),
    })).node;
    fc.assert(
      fc.property(fc.record({ filters: value, populate: value, sort: value }, { requiredKeys: [] }), (query) => {
        try {
          assertReadQueryWithinLimits(getModel, AGENCY, query as never);
        } catch (error) {
          expect((error as Error).name).toBe('ValidationError');
        }
      }),
      { numRuns: 2000 },
    );
  });
});
