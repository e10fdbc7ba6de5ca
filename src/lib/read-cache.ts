import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Core } from '@strapi/strapi';

/**
 * The in-memory read cache of anonymous reads of published content (one per app node). An entry is
 * the exact answer sent (bytes, content type, ETag) under its URL, tagged with the content types
 * it depends on: the one it reads and everything that type populates (see read-cache-invalidation.ts,
 * which clears entries when one of those types changes, on every node).
 *
 * Why not `@strapi-community/plugin-rest-cache` 5.0.x: it clears its keys from database lifecycle
 * hooks, i.e. inside the writing transaction and before it commits, so a read running meanwhile
 * stores the old version again until the entry expires; its invalidation is per node (a second node
 * keeps serving the old version); and it must be told by hand which routes and relations to clear.
 * This layer invalidates after commit, refuses to store an answer that raced an invalidation
 * (`generation`), derives the dependencies from the schemas and broadcasts through PostgreSQL.
 */
export type CachedAnswer = {
  body: string;
  contentType: string;
  etag: string;
  /** Content types this answer was read from: any change to one of them removes it. `'*'`: any change. */
  dependsOn: ReadonlySet<string> | '*';
  /** A route's own lifetime (HTTP max-age and time in this cache), shorter than the default; 0: never stored. */
  maxAgeSeconds?: number;
};

export type ReadCacheConfig = { enabled: boolean; maxEntries: number; maxBytes: number; ttlMs: number };

export type ReadCache = {
  readonly enabled: boolean;
  get: (key: string) => CachedAnswer | undefined;
  /**
   * Stores `answer` only when nothing it depends on was invalidated since `generation` was read (the
   * read may be older than the change). True when it was stored.
   */
  set: (key: string, answer: CachedAnswer, generation: number) => boolean;
  /** Bumped by every invalidation; read it before computing an answer and pass it to `set`. */
  generation: () => number;
  /** Removes every entry depending on one of `uids`; `'*'` removes all. */
  invalidate: (uids: Iterable<string> | '*') => void;
  /** While false (e.g. the cross-node channel is down) nothing is served or stored. */
  setTrusted: (trusted: boolean) => void;
  stats: () => { entries: number; bytes: number; generation: number; trusted: boolean };
};

export const createReadCache = (config: ReadCacheConfig): ReadCache => {
  const entries = new LRUCache<string, CachedAnswer>({
    max: Math.max(1, config.maxEntries),
    maxSize: Math.max(1, config.maxBytes),
    sizeCalculation: (answer, key) => Math.max(1, Buffer.byteLength(answer.body) + key.length + 64),
    ttl: config.ttlMs > 0 ? config.ttlMs : undefined,
  });
  let generation = 0;
  // When each type, and everything, was last invalidated: an answer is refused only when what it
  // depends on changed while it was computed (writes elsewhere do not stop it from being kept).
  const changedAt = new Map<string, number>();
  let everythingChangedAt = 0;
  const changedSince = (dependsOn: CachedAnswer['dependsOn'], seen: number): boolean => {
    if (everythingChangedAt > seen) return true;
    if (dependsOn === '*') return generation > seen;
    for (const uid of dependsOn) if ((changedAt.get(uid) ?? 0) > seen) return true;
    return false;
  };
  let trusted = true;
  const usable = () => config.enabled && trusted;

  return {
    enabled: config.enabled,
    get: (key) => (usable() ? entries.get(key) : undefined),
    set: (key, answer, seenGeneration) => {
      if (!usable() || changedSince(answer.dependsOn, seenGeneration)) return false;
      // An answer bigger than the whole budget is not worth evicting everything else for.
      if (Buffer.byteLength(answer.body) > config.maxBytes / 4) return false;
      if (answer.maxAgeSeconds !== undefined) {
        if (answer.maxAgeSeconds <= 0) return false;
        const ttl = answer.maxAgeSeconds * 1000;
        entries.set(key, answer, { ttl: config.ttlMs > 0 ? Math.min(ttl, config.ttlMs) : ttl });
        return true;
      }
      entries.set(key, answer);
      return true;
    },
    generation: () => generation,
    invalidate: (uids) => {
      generation += 1;
      if (uids === '*') {
        everythingChangedAt = generation;
        entries.clear();
        return;
      }
      const changed = new Set(uids);
      for (const uid of changed) changedAt.set(uid, generation);
      if (changed.size === 0) return;
      for (const [key, answer] of entries.entries()) {
        if (answer.dependsOn === '*' || [...changed].some((uid) => (answer.dependsOn as ReadonlySet<string>).has(uid))) {
          entries.delete(key);
        }
      }
    },
    setTrusted: (value) => {
      if (!value) {
        generation += 1;
        everythingChangedAt = generation;
        entries.clear();
      }
      trusted = value;
    },
    stats: () => ({ entries: entries.size, bytes: entries.calculatedSize, generation, trusted }),
  };
};

/**
 * The bytes an answer is sent (and kept) as: a string as it is, an object as JSON; undefined for
 * what is not hashed here (files, streams, buffers).
 */
export const serialisedBody = (body: unknown): string | undefined => {
  if (typeof body === 'string') return body;
  if (typeof body !== 'object' || body === null || Buffer.isBuffer(body) || typeof (body as { pipe?: unknown }).pipe === 'function') return undefined;
  return JSON.stringify(body);
};

/** A strong ETag: a hash of the exact bytes sent. */
export const etagOf = (text: string): string => `"${createHash('sha256').update(text).digest('base64url').slice(0, 32)}"`;

const caches = new WeakMap<Core.Strapi, ReadCache>();

/** This app's read cache, built from `config/http-cache.ts` (`readCache`) on first use. */
export const readCacheOf = (strapi: Core.Strapi): ReadCache => {
  let cache = caches.get(strapi);
  if (!cache) {
    const config = strapi.config.get<ReadCacheConfig>('http-cache.readCache');
    cache = createReadCache(config ?? { enabled: false, maxEntries: 1, maxBytes: 1, ttlMs: 0 });
    caches.set(strapi, cache);
  }
  return cache;
};
