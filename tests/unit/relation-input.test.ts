import { relationIntent } from '../../src/lib/relation-input';

describe('relationIntent', () => {
  it.each([
    ['absent key', {}, 'unchanged'],
    ['a documentId string', { policy: 'abc123' }, 'set'],
    ['a numeric id', { policy: 7 }, 'set'],
    ['null', { policy: null }, 'clear'],
    ['an empty string', { policy: '' }, 'clear'],
    ['a non-empty array', { policy: ['abc'] }, 'set'],
    ['an empty array', { policy: [] }, 'clear'],
    ['connect with an item', { policy: { connect: [{ documentId: 'abc' }] } }, 'set'],
    ['an empty connect', { policy: { connect: [] } }, 'unchanged'],
    ['disconnect with an item', { policy: { disconnect: [{ documentId: 'abc' }] } }, 'clear'],
    ['set with an item', { policy: { set: [{ documentId: 'abc' }] } }, 'set'],
    ['set to empty', { policy: { set: [] } }, 'clear'],
    ['an object with documentId', { policy: { documentId: 'abc' } }, 'set'],
    ['connect and disconnect together', { policy: { connect: [{ id: 2 }], disconnect: [{ id: 1 }] } }, 'set'],
  ])('reads %s', (_label, data, expected) => {
    expect(relationIntent(data as Record<string, unknown>, 'policy')).toBe(expected);
  });
});
