import { createReadCache, type CachedAnswer } from '../../src/lib/read-cache';

const answer = (body: string, dependsOn: CachedAnswer['dependsOn'] = new Set(['api::policy.policy'])): CachedAnswer => ({
  body,
  contentType: 'application/json',
  etag: `"${body}"`,
  dependsOn,
});

const config = { enabled: true, maxEntries: 3, maxBytes: 1_000_000, ttlMs: 0 };

describe('read cache bounds and races', () => {
  it('keeps at most maxEntries answers, dropping the least recently used', () => {
    const cache = createReadCache(config);
    for (const key of ['a', 'b', 'c']) cache.set(key, answer(key), cache.generation());
    cache.get('a');
    cache.set('d', answer('d'), cache.generation());
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.body).toBe('a');
    expect(cache.stats().entries).toBe(3);
  });

  it('keeps at most maxBytes, and never an answer bigger than a quarter of it', () => {
    const cache = createReadCache({ ...config, maxEntries: 100, maxBytes: 4000 });
    cache.set('huge', answer('x'.repeat(1500)), cache.generation());
    expect(cache.get('huge')).toBeUndefined();
    for (let i = 0; i < 10; i += 1) cache.set(`k${i}`, answer('y'.repeat(900)), cache.generation());
    expect(cache.stats().bytes).toBeLessThanOrEqual(4000);
    expect(cache.get('k9')).toBeDefined();
    expect(cache.get('k0')).toBeUndefined();
  });

  it('refuses an answer computed before an invalidation (it may hold the old version)', () => {
    const cache = createReadCache(config);
    const seen = cache.generation();
    cache.invalidate(['api::policy.policy']);
    cache.set('late', answer('old'), seen);
    expect(cache.get('late')).toBeUndefined();
  });

  it('removes only the answers that depend on a changed type; wildcard answers go with any change', () => {
    const cache = createReadCache(config);
    cache.set('policies', answer('p'), cache.generation());
    cache.set('feedbacks', answer('f', new Set(['api::feedback.feedback'])), cache.generation());
    cache.set('feed', answer('atom', '*'), cache.generation());
    cache.invalidate(['api::feedback.feedback']);
    expect(cache.get('policies')).toBeDefined();
    expect(cache.get('feedbacks')).toBeUndefined();
    expect(cache.get('feed')).toBeUndefined();
  });

  it('neither serves nor stores while untrusted, and comes back empty', () => {
    const cache = createReadCache(config);
    cache.set('a', answer('a'), cache.generation());
    cache.setTrusted(false);
    expect(cache.get('a')).toBeUndefined();
    cache.set('b', answer('b'), cache.generation());
    cache.setTrusted(true);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBeUndefined();
  });

  it('does nothing when disabled', () => {
    const cache = createReadCache({ ...config, enabled: false });
    cache.set('a', answer('a'), cache.generation());
    expect(cache.get('a')).toBeUndefined();
  });
});

describe('what an invalidation stops from being stored', () => {
  it('keeps an answer computed while an unrelated type changed', () => {
    const cache = createReadCache(config);
    const seen = cache.generation();
    cache.invalidate(['api::feedback.feedback']);
    cache.set('policies', answer('p'), seen);
    expect(cache.get('policies')?.body).toBe('p');
    cache.set('feed', answer('atom', '*'), seen);
    expect(cache.get('feed')).toBeUndefined();
  });

  it('refuses every answer computed while everything was invalidated', () => {
    const cache = createReadCache(config);
    const seen = cache.generation();
    cache.invalidate('*');
    cache.set('policies', answer('p'), seen);
    expect(cache.get('policies')).toBeUndefined();
  });
});
