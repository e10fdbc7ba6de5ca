import { checkZaloArticleFields, renderZaloArticle, ZALO_LIMITS } from '../../src/plugins/multichannel-publishing/server/src/channels/zalo/article';
import { classifyZaloError, zaloReplyError, ZaloTokenError } from '../../src/plugins/multichannel-publishing/server/src/channels/zalo/errors';
import { entryUrl, portalPayload } from '../../src/plugins/multichannel-publishing/server/src/channels/portal/payload';
import { ChannelError } from '../../src/plugins/multichannel-publishing/server/src/channels/types';
import { flattenBlocks } from '../../src/plugins/multichannel-publishing/server/src/utils/blocks';
import { diffVersions } from '../../src/plugins/multichannel-publishing/server/src/utils/diff-versions';
import type { PublicationEvent } from '../../src/plugins/multichannel-publishing/server/src/types';

const event = (overrides: Partial<PublicationEvent> = {}): PublicationEvent => ({
  id: 1,
  key: 'evt0000000000000000000001',
  sequence: 7,
  type: 'published',
  uid: 'api::policy.policy',
  contentType: 'policy',
  documentId: 'doc000000000000000000001',
  locale: 'vi',
  entryId: 12,
  occurredAt: new Date('2025-03-01T08:00:00.000Z'),
  snapshot: { documentId: 'doc000000000000000000001', title: 'Nghị quyết hỗ trợ', slug: 'nghi-quyet-ho-tro', summary: 'Tóm tắt.' },
  recordedBy: 'transaction',
  ...overrides,
});

describe('publication diff', () => {
  it.each([
    ['a first publish', [], [{ id: 5, locale: 'vi' }], [{ type: 'published', entryId: 5, locale: 'vi' }]],
    ['a re-publish (new row)', [{ id: 5, locale: 'vi' }], [{ id: 9, locale: 'vi' }], [{ type: 'updated', entryId: 9, locale: 'vi' }]],
    ['an unpublish', [{ id: 5, locale: 'vi' }], [], [{ type: 'unpublished', entryId: 5, locale: 'vi' }]],
    ['a write that published nothing', [{ id: 5, locale: 'vi' }], [{ id: 5, locale: 'vi' }], []],
    [
      'a publish of all locales',
      [{ id: 5, locale: 'vi' }],
      [{ id: 8, locale: 'en' }, { id: 9, locale: 'vi' }],
      [{ type: 'published', entryId: 8, locale: 'en' }, { type: 'updated', entryId: 9, locale: 'vi' }],
    ],
    ['a non-localized type', [], [{ id: 3, locale: null }], [{ type: 'published', entryId: 3, locale: null }]],
  ])('reads %s', (_label, before, after, expected) => {
    expect(diffVersions(before as never, after as never)).toEqual(expected);
  });
});

describe('portal payload', () => {
  it('names the event after the content type and carries the sanitized entry', () => {
    expect(portalPayload(event(), 'https://portal.example/chinh-sach/{slug}')).toEqual({
      type: 'policy.published',
      timestamp: '2025-03-01T08:00:00.000Z',
      data: {
        uid: 'api::policy.policy',
        documentId: 'doc000000000000000000001',
        locale: 'vi',
        sequence: 7,
        url: 'https://portal.example/chinh-sach/nghi-quyet-ho-tro',
        entry: event().snapshot,
      },
    });
    expect(portalPayload(event({ type: 'unpublished', contentType: 'consultation-draft' }), 'https://p/{slug}').type).toBe('consultation-draft.unpublished');
    expect(portalPayload(event({ type: 'unpublished' }), 'https://p/{slug}').data).not.toHaveProperty('url');
  });

  it('builds the entry URL only when every placeholder has a value', () => {
    expect(entryUrl('https://p/{locale}/{documentId}', event())).toBe('https://p/vi/doc000000000000000000001');
    expect(entryUrl('https://p/{slug}', event({ snapshot: { title: 'x' } }))).toBeUndefined();
    expect(entryUrl('', event())).toBeUndefined();
    expect(entryUrl('https://p/{slug}', event({ snapshot: { slug: 'a b/c' } }))).toBe('https://p/a%20b%2Fc');
  });
});

describe('Zalo article', () => {
  const options = { author: 'UBND tỉnh Lào Cai', coverUrl: 'https://cdn.example/cover.jpg', publicUrl: 'https://cms.example' };

  it('maps a policy to an OA article with summary, facts and body blocks', () => {
    const article = renderZaloArticle(
      event({
        snapshot: {
          title: 'Nghị quyết hỗ trợ',
          summary: 'Hỗ trợ vay vốn.',
          documentNumber: '12/2024/NQ-HĐND',
          effectiveFrom: '2025-01-15',
          leadAgency: { name: 'Sở Nông nghiệp' },
          attachments: [{ url: '/uploads/file.pdf', mime: 'application/pdf' }, { url: '/uploads/anh.jpg', mime: 'image/jpeg' }],
          body: [
            { type: 'heading', level: 2, children: [{ type: 'text', text: 'Đối tượng' }] },
            { type: 'paragraph', children: [{ type: 'text', text: 'Hộ nghèo, ' }, { type: 'link', url: 'https://x', children: [{ type: 'text', text: 'cận nghèo' }] }] },
            { type: 'image', image: { url: '/uploads/so-do.png', alternativeText: 'Sơ đồ' } },
            { type: 'paragraph', children: [{ type: 'text', text: '   ' }] },
          ],
        },
      }),
      options,
    );
    expect(article).toEqual({
      type: 'normal',
      title: 'Nghị quyết hỗ trợ',
      author: 'Sở Nông nghiệp',
      description: 'Hỗ trợ vay vốn.',
      cover: { cover_type: 'photo', photo_url: 'https://cms.example/uploads/anh.jpg', status: 'show' },
      body: [
        { type: 'text', content: 'Hỗ trợ vay vốn.' },
        { type: 'text', content: 'Số hiệu: 12/2024/NQ-HĐND\nHiệu lực từ ngày 15/01/2025\nCơ quan chủ trì: Sở Nông nghiệp' },
        { type: 'text', content: 'Đối tượng' },
        { type: 'text', content: 'Hộ nghèo, cận nghèo' },
        { type: 'image', url: 'https://cms.example/uploads/so-do.png' },
      ],
      status: 'show',
      comment: 'show',
    });
  });

  it('falls back to the configured cover, then the default cover, and author; without any cover the attempt is retried', () => {
    const plain = event({ snapshot: { title: 'Không có ảnh', summary: 'Tóm tắt.' } });
    expect(renderZaloArticle(plain, options)).toMatchObject({ author: 'UBND tỉnh Lào Cai', cover: { photo_url: 'https://cdn.example/cover.jpg' } });
    // A relative media URL without a known public URL cannot be sent to Zalo.
    const relativeOnly = event({ snapshot: { title: 'Ảnh tương đối', attachments: [{ url: '/uploads/a.jpg', mime: 'image/jpeg' }] } });
    expect(renderZaloArticle(relativeOnly, { ...options, publicUrl: null }).cover.photo_url).toBe('https://cdn.example/cover.jpg');
    let thrown: unknown;
    try {
      renderZaloArticle(relativeOnly, { author: 'x', coverUrl: null, publicUrl: null });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ChannelError);
    expect(thrown).toMatchObject({ retryable: true, message: expect.stringMatching(/PUBLIC_URL.*ZALO_COVER_URL/) });
    // The default cover (a relative media-library URL) is made absolute with the public URL.
    expect(renderZaloArticle(plain, { author: 'x', coverUrl: null, defaultCoverUrl: '/uploads/zalo_default_cover_1.jpg', publicUrl: 'https://cms.example' }).cover.photo_url).toBe(
      'https://cms.example/uploads/zalo_default_cover_1.jpg',
    );
  });

  it('cuts the description and an agency author to Zalo’s limits, but never the title', () => {
    const long = 'Chính sách hỗ trợ phát triển kinh tế xã hội vùng đồng bào dân tộc thiểu số và miền núi '.repeat(6);
    const article = renderZaloArticle(event({ snapshot: { title: 'Tiêu đề ngắn', summary: long, leadAgency: { name: long } } }), options);
    expect(Array.from(article.author).length).toBeLessThanOrEqual(ZALO_LIMITS.author);
    expect(Array.from(article.description).length).toBeLessThanOrEqual(ZALO_LIMITS.description);
    expect(() => renderZaloArticle(event({ snapshot: { title: long, summary: 'Ngắn.' } }), options)).toThrow(
      expect.objectContaining({ retryable: false, message: expect.stringMatching(/title is \d+ characters and Zalo allows at most 150/) }),
    );
  });

  it('checks the limits on NFC text: decomposed Vietnamese counts each letter once', () => {
    const title = 'Hỗ trợ người dân tộc thiểu số '.repeat(5).slice(0, 150);
    expect(Array.from(title.normalize('NFD')).length).toBeGreaterThan(150);
    expect(() => checkZaloArticleFields({ title: title.normalize('NFD'), author: 'UBND tỉnh', description: 'Mô tả' })).not.toThrow();
    expect(() => checkZaloArticleFields({ title: `${title}x`, author: 'UBND tỉnh', description: 'Mô tả' })).toThrow(/title is 151 characters/);
    expect(() => checkZaloArticleFields({ title: 'T', author: 'Ủ'.repeat(51), description: 'Mô tả' })).toThrow(/author is 51 characters.*ZALO_ARTICLE_AUTHOR/);
    expect(() => checkZaloArticleFields({ title: 'T', author: 'A', description: 'ệ'.normalize('NFD').repeat(301) })).toThrow(/description is 301 characters/);
    expect(renderZaloArticle(event({ snapshot: { title: title.normalize('NFD'), summary: 'Tóm tắt'.normalize('NFD') } }), options)).toMatchObject({
      title: title.normalize('NFC').trim(),
      description: 'Tóm tắt'.normalize('NFC'),
      body: [{ type: 'text', content: 'Tóm tắt'.normalize('NFC') }],
    });
  });
});

describe('Zalo error classification', () => {
  it.each([
    [-216, 'token'],
    [-220, 'token'],
    [-124, 'token'],
    [-32, 'rate'],
    [-211, 'rate'],
    [-223, 'rate'],
    [-234, 'rate'],
    [-214, 'processing'],
    [-201, 'invalid'],
    [-210, 'invalid'],
    [-248, 'content'],
    [-224, 'account'],
    [-321, 'account'],
    [-213, 'recipient'],
    [-230, 'recipient'],
    [-9999, 'unknown'],
  ])('classifies %p as %p', (code, kind) => {
    expect(classifyZaloError(code)).toBe(kind);
  });

  it('makes token errors refreshable, rate limits and unknown codes retryable, invalid data permanent', () => {
    expect(zaloReplyError('create', -216, 'Access token is invalid')).toBeInstanceOf(ZaloTokenError);
    expect(zaloReplyError('create', -32, 'limit')).toMatchObject({ retryable: true });
    expect(zaloReplyError('verify', -214, 'Article is being processed')).toMatchObject({ retryable: true, zaloCode: -214 });
    expect(zaloReplyError('create', -248, 'Vi phạm tiêu chuẩn')).toMatchObject({ retryable: false, message: expect.stringContaining('(Vi phạm tiêu chuẩn)') });
    expect(zaloReplyError('create', -9999, 'odd')).toMatchObject({ retryable: true });
    expect(zaloReplyError('cs', -230, 'not interacted in 7 days')).toMatchObject({ retryable: false, zaloCode: -230 });
    expect(zaloReplyError('create', -201, 'Parameters are invalid')).toMatchObject({
      retryable: false,
      message: 'create: Zalo error -201 (Parameters are invalid)',
    });
  });
});

describe('blocks flattening', () => {
  it('reads lists, quotes and nested lists in order, and skips unknown shapes', () => {
    expect(
      flattenBlocks([
        { type: 'list', format: 'ordered', children: [
          { type: 'list-item', children: [{ type: 'text', text: 'Một' }] },
          { type: 'list-item', children: [{ type: 'text', text: 'Hai' }, { type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [{ type: 'text', text: 'Hai a' }] }] }] },
        ] },
        { type: 'quote', children: [{ type: 'text', text: 'Trích dẫn' }] },
        null,
        'text',
        { type: 'image', image: {} },
      ]),
    ).toEqual([
      { kind: 'text', text: '1. Một\n2. Hai\n  • Hai a' },
      { kind: 'text', text: 'Trích dẫn' },
    ]);
    expect(flattenBlocks(undefined)).toEqual([]);
  });
});
