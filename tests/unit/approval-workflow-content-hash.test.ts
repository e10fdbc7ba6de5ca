import {
  buildHashPopulate,
  canonicalContent,
  hashContent,
  type ModelLike,
} from '../../src/plugins/approval-workflow/server/src/domain/content-hash';

const models: Record<string, ModelLike> = {
  'api::doc.doc': {
    attributes: {
      title: { type: 'string' },
      summary: { type: 'text' },
      body: { type: 'blocks' },
      published: { type: 'boolean' },
      issuedAt: { type: 'date' },
      tags: { type: 'relation', relation: 'manyToMany', target: 'api::tag.tag' },
      owner: { type: 'relation', relation: 'manyToOne', target: 'api::agency.agency' },
      children: { type: 'relation', relation: 'oneToMany', target: 'api::child.child', mappedBy: 'doc' },
      reviewer: { type: 'relation', relation: 'oneToOne', target: 'admin::user' },
      attachments: { type: 'media', multiple: true },
      cover: { type: 'media', multiple: false },
      steps: { type: 'component', component: 'doc.step', repeatable: true },
      blocks: { type: 'dynamiczone', components: ['doc.step'] },
      createdAt: { type: 'datetime' },
      updatedAt: { type: 'datetime' },
      updatedBy: { type: 'relation', relation: 'oneToOne', target: 'admin::user' },
      locale: { type: 'string' },
      localizations: { type: 'relation', relation: 'oneToMany', target: 'api::doc.doc' },
    },
  },
  'doc.step': {
    attributes: {
      label: { type: 'string' },
      when: { type: 'datetime' },
      agency: { type: 'relation', relation: 'manyToOne', target: 'api::agency.agency' },
    },
  },
};
const getModel = (uid: string) => models[uid];
const canonical = (row: Record<string, unknown>) => canonicalContent(getModel, 'api::doc.doc', row);
const hash = (row: Record<string, unknown>) => hashContent(canonical(row));

const base = {
  id: 10,
  documentId: 'abc',
  title: 'Nghị quyết',
  summary: 'Tóm tắt',
  body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Nội dung' }] }],
  published: false,
  issuedAt: '2025-01-01',
  tags: [{ id: 1, documentId: 't1' }, { id: 2, documentId: 't2' }],
  owner: { id: 3, documentId: 'a1' },
  attachments: [
    { id: 4, hash: 'decision_a1', url: '/uploads/decision_a1.pdf', ext: '.pdf', mime: 'application/pdf', size: 120.5, width: null, height: null, name: 'decision.pdf' },
    { id: 5, hash: 'annex_b2', url: '/uploads/annex_b2.pdf', ext: '.pdf', mime: 'application/pdf', size: 33.1, width: null, height: null, name: 'annex.pdf' },
  ],
  cover: { id: 6, hash: 'cover_c3', url: '/uploads/cover_c3.png', ext: '.png', mime: 'image/png', size: 50, width: 800, height: 600 },
  steps: [{ id: 7, label: 'Bước 1', when: new Date('2025-01-02T00:00:00Z'), agency: { id: 3, documentId: 'a1' } }],
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
  locale: 'vi',
};

describe('the content hash', () => {
  it('is a sha-256 hex digest, stable for the same content', () => {
    expect(hash(base)).toMatch(/^[0-9a-f]{64}$/);
    expect(hash(base)).toBe(hash({ ...base }));
  });

  it.each([
    ['title', { title: 'Nghị quyết mới' }],
    ['a blocks paragraph', { body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Khác' }] }] }],
    ['a boolean', { published: true }],
    ['a date', { issuedAt: '2025-01-02' }],
    ['a relation added', { tags: [...base.tags, { id: 9, documentId: 't9' }] }],
    ['a to-one relation', { owner: { id: 8, documentId: 'a2' } }],
    ['a media file removed', { attachments: [base.attachments[0]] }],
    ['a media file swapped for another', { attachments: [base.attachments[0], { ...base.attachments[1], id: 9, hash: 'other_d4', url: '/uploads/other_d4.pdf' }] }],
    ['a single media', { cover: null }],
    ['the bytes of an attached file replaced under the same id, hash and url (size)', { attachments: [base.attachments[0], { ...base.attachments[1], size: 40.2 }] }],
    ['the bytes of an attached image replaced under the same id, hash and url (dimensions)', { cover: { ...base.cover, width: 801 } }],
    ['the type of an attached file replaced under the same id', { cover: { ...base.cover, mime: 'image/jpeg' } }],
    ['a component field', { steps: [{ ...base.steps[0], label: 'Bước 2' }] }],
    ['a relation inside a component', { steps: [{ ...base.steps[0], agency: null }] }],
    ['the order of repeatable components', { steps: [{ label: 'B' }, { label: 'A' }] }],
  ])('changes when %s changes', (_label, change) => {
    const withOrder = _label === 'the order of repeatable components' ? { ...base, steps: [{ label: 'A' }, { label: 'B' }] } : base;
    expect(hash({ ...base, ...change })).not.toBe(hash(withOrder));
  });

  it.each([
    ['ids, timestamps, authorship and locale', { id: 99, documentId: 'zzz', createdAt: 'x', updatedAt: 'y', updatedBy: { id: 1 }, locale: 'en' }],
    ['component row ids', { steps: [{ ...base.steps[0], id: 1234 }] }],
    ['the order of many-to-many relations', { tags: [...base.tags].reverse() }],
    ['an inverse relation owned by another document', { children: [{ id: 1, documentId: 'c1' }] }],
    ['a relation to an admin user', { reviewer: { id: 1, documentId: 'u1' } }],
    ['the order of attached files', { attachments: [...base.attachments].reverse() }],
    ['what the media library changes without touching the bytes (name, alt text, updatedAt)', { attachments: [{ ...base.attachments[0], name: 'renamed.pdf', alternativeText: 'x', updatedAt: 'z' }, base.attachments[1]] }],
    ['a Date object instead of its ISO string', { steps: [{ ...base.steps[0], when: '2025-01-02T00:00:00.000Z' }] }],
  ])('ignores %s', (_label, change) => {
    expect(hash({ ...base, ...change })).toBe(hash(base));
  });

  it('treats null, empty string, missing and empty lists alike', () => {
    const empty = { title: 'T' };
    expect(hash({ ...empty, summary: null, tags: [], attachments: [], steps: [] })).toBe(hash(empty));
    expect(hash({ ...empty, summary: '' })).toBe(hash(empty));
  });

  it('populates what it hashes: owning relations, media, components at depth, never inverse or admin relations', () => {
    expect(buildHashPopulate(getModel, 'api::doc.doc')).toEqual({
      tags: { select: ['id', 'documentId'] },
      owner: { select: ['id', 'documentId'] },
      attachments: { select: ['id', 'hash', 'url', 'ext', 'mime', 'size', 'width', 'height'] },
      cover: { select: ['id', 'hash', 'url', 'ext', 'mime', 'size', 'width', 'height'] },
      steps: { populate: { agency: { select: ['id', 'documentId'] } } },
      blocks: true,
    });
  });

  it('returns an empty content for an unknown model', () => {
    expect(canonicalContent(getModel, 'api::missing.missing', base)).toEqual({});
    expect(buildHashPopulate(getModel, 'api::missing.missing')).toEqual({});
  });
});
