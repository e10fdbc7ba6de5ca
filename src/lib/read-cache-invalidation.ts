import { Client, type ClientConfig, type Notification } from 'pg';
import type { Core } from '@strapi/strapi';
import { COVERAGE_DEPENDENCIES, COVERAGE_HANDLERS } from '../api/coverage/constants';
import { DELIVERY_OUTCOME_EVENT, OUTBOX_DELIVERY_UID } from '../common/publishing-outbox';
import { readCacheOf, type ReadCache } from './read-cache';

/**
 * Keeps every node's read cache (read-cache.ts) true to the database:
 * - every write through the query engine (hence the document service, the content manager and the
 *   plugins) is seen by a database lifecycle subscriber; a write of a draft row changes nothing public
 *   and is ignored;
 * - the changed content types are cleared on this node right after the writing transaction commits
 *   (never before: a read in between would store the old version again);
 * - on PostgreSQL, the same list is sent with `pg_notify` after commit, and every node (this one
 *   included) clears it when the notification arrives on its dedicated `LISTEN` connection. While that
 *   connection is down, the cache neither serves nor stores (it cannot know what it missed), and it
 *   reconnects with backoff. On SQLite there is one node and nothing to broadcast.
 *
 * Hand-written: the kept libraries (`pg-listen`, plugin-rest-cache) do not know Strapi's transaction
 * context, which decides when a change is visible; the LISTEN side is a few lines of `pg` itself.
 */

type Attribute = { type?: string; target?: string; component?: string; components?: string[]; relation?: string };
type Schema = { uid: string; attributes?: Record<string, Attribute>; options?: { draftAndPublish?: boolean } };
type LifecycleEvent = { action: string; model: { uid: string }; result?: unknown };

/** Changes to these reshape what the public may read at all: everything is cleared. */
const EVERYTHING_TRIGGERS = new Set(['plugin::users-permissions.permission', 'plugin::users-permissions.role']);
const PUBLICATION_EVENT_UID = 'plugin::multichannel-publishing.publication-event';
const WRITE_ACTIONS = new Set(['afterCreate', 'afterCreateMany', 'afterUpdate', 'afterUpdateMany', 'afterDelete', 'afterDeleteMany']);
const MAX_NOTIFY_BYTES = 7000; // PostgreSQL refuses payloads of 8000 bytes or more.
const RECONNECT_MS = { first: 250, max: 5000 };

const schemasOf = (strapi: Core.Strapi): Schema[] => [
  ...Object.values(strapi.contentTypes as unknown as Record<string, Schema>),
  ...Object.values(strapi.components as unknown as Record<string, Schema>),
];

const targetsOf = (attribute: Attribute): string[] => {
  // createdBy / updatedBy: admin users are never populated in a public answer.
  if (attribute.type === 'relation' && attribute.target) return attribute.target.startsWith('admin::') ? [] : [attribute.target];
  if (attribute.type === 'component' && attribute.component) return [attribute.component];
  if (attribute.type === 'dynamiczone') return attribute.components ?? [];
  if (attribute.type === 'media') return ['plugin::upload.file'];
  return [];
};

/**
 * For each content type, itself and every type an answer about it may populate (relations, components,
 * dynamic zones, media, transitively): the tags of its cached answers.
 */
const graphs = new WeakMap<Core.Strapi, Map<string, ReadonlySet<string>>>();

export const dependencyGraph = (strapi: Core.Strapi): Map<string, ReadonlySet<string>> => {
  const known = graphs.get(strapi);
  if (known) return known;
  const edges = new Map<string, string[]>();
  for (const schema of schemasOf(strapi)) {
    edges.set(schema.uid, Object.values(schema.attributes ?? {}).flatMap(targetsOf));
  }
  const closure = new Map<string, ReadonlySet<string>>();
  for (const uid of edges.keys()) {
    const reached = new Set<string>([uid]);
    const pending = [uid];
    while (pending.length > 0) {
      for (const next of edges.get(pending.pop() as string) ?? []) {
        if (!reached.has(next)) {
          reached.add(next);
          pending.push(next);
        }
      }
    }
    closure.set(uid, reached);
  }
  graphs.set(strapi, closure);
  return closure;
};

/**
 * Handlers whose answers read a type their own type does not link to: the outcome of a consultation
 * counts the feedback that points at the draft (feedback → draft, no link back).
 */
const EXTRA_DEPENDENCIES: Record<string, readonly string[]> = {
  'api::consultation-draft.consultation-draft.outcome': ['api::feedback.feedback'],
};

/** Handlers that read no content type of their own: what their answers are read from, listed. */
const LISTED_DEPENDENCIES: Record<string, ReadonlySet<string>> = Object.fromEntries(
  COVERAGE_HANDLERS.map((handler) => [handler, new Set(COVERAGE_DEPENDENCIES)]),
);

/** What an answer of `handler` (`api::policy.policy.find`) depends on; `'*'` when it is not one content type's. */
export const dependenciesOfHandler = (graph: Map<string, ReadonlySet<string>>, handler: string): ReadonlySet<string> | '*' => {
  const listed = LISTED_DEPENDENCIES[handler];
  if (listed) return listed;
  const own = graph.get(handler.slice(0, handler.lastIndexOf('.')));
  if (!own) return '*';
  const extra = EXTRA_DEPENDENCIES[handler];
  return extra ? new Set([...own, ...extra]) : own;
};

const isDraftRow = (strapi: Core.Strapi, uid: string, result: unknown): boolean => {
  const model = strapi.getModel(uid as never) as Schema | undefined;
  if (!model?.options?.draftAndPublish || !result || typeof result !== 'object') return false;
  return 'publishedAt' in result && (result as { publishedAt?: unknown }).publishedAt === null;
};

/**
 * A file just uploaded (or generated, like a radio script's audio) is in no answer yet: an entry
 * shows it only once the entry itself is saved with it, and that write clears the entry's answers.
 */
const isNewFile = (uid: string, action: string): boolean => uid === 'plugin::upload.file' && (action === 'afterCreate' || action === 'afterCreateMany');

const connectionConfig = (strapi: Core.Strapi): ClientConfig => {
  // Knex's settings, read property by property: it hides the password (non-enumerable), so a spread would lose it.
  const settings = (strapi.db.connection.client as { connectionSettings: ClientConfig }).connectionSettings;
  const { host, port, database, user, password, ssl } = settings;
  return { host, port, database, user, password, ssl };
};

type Broadcaster = { stop: () => Promise<void> };

/** The PostgreSQL side: one LISTEN connection per node, reconnected with backoff. */
const listen = (strapi: Core.Strapi, cache: ReadCache, channel: string): Broadcaster => {
  let client: Client | undefined;
  let stopped = false;
  let delay = RECONNECT_MS.first;
  let timer: NodeJS.Timeout | undefined;

  const onNotification = (message: Notification) => {
    if (message.channel !== channel) return;
    try {
      const uids = JSON.parse(message.payload ?? '"*"') as string[] | '*';
      cache.invalidate(uids === '*' || !Array.isArray(uids) ? '*' : uids);
    } catch {
      cache.invalidate('*');
    }
  };

  const connect = async () => {
    if (stopped) return;
    const next = new Client(connectionConfig(strapi));
    const lost = (error?: Error) => {
      if (client !== next) return;
      client = undefined;
      cache.setTrusted(false);
      next.removeAllListeners();
      next.end().catch(() => undefined);
      if (stopped) return;
      strapi.log.warn(`[read-cache] invalidation channel lost${error ? `: ${error.message}` : ''}; not caching until it is back`);
      timer = setTimeout(connect, delay);
      delay = Math.min(delay * 2, RECONNECT_MS.max);
    };
    client = next;
    next.on('error', lost);
    next.on('end', () => lost());
    next.on('notification', onNotification);
    try {
      await next.connect();
      await next.query(`LISTEN ${next.escapeIdentifier(channel)}`);
      delay = RECONNECT_MS.first;
      // Whatever changed while nobody listened is unknown: start from an empty cache.
      cache.invalidate('*');
      if (client === next && !stopped) cache.setTrusted(true);
    } catch (error) {
      lost(error as Error);
    }
  };

  cache.setTrusted(false);
  void connect();
  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      const current = client;
      client = undefined;
      current?.removeAllListeners();
      await current?.end().catch(() => undefined);
    },
  };
};

const broadcasters = new WeakMap<Core.Strapi, Broadcaster>();
const announcers = new WeakMap<Core.Strapi, (tags: string[]) => void>();

/**
 * Tells every node's read cache that `tags` changed, for writes no lifecycle subscriber sees (knex on
 * a table that is not a content type). Call after the write committed.
 */
export const announceChange = (strapi: Core.Strapi, tags: string[]): void => {
  announcers.get(strapi)?.(tags);
};

/**
 * Subscribes to writes and, on PostgreSQL, opens the LISTEN connection. Call once at bootstrap;
 * `stopReadCacheInvalidation` at destroy.
 */
export const startReadCacheInvalidation = (strapi: Core.Strapi): void => {
  const cache = readCacheOf(strapi);
  if (!cache.enabled) return;
  const graph = dependencyGraph(strapi);
  // What the public can read: the app's content types and what they populate.
  // Plus the publication events the change feed (/api/changes) is read from: their answers depend on everything ('*').
  const relevant = new Set([...graph].filter(([uid]) => uid.startsWith('api::')).flatMap(([, uids]) => [...uids]));
  relevant.add(PUBLICATION_EVENT_UID);
  // Plus whatever else the coverage KPIs are read from (the deliveries' outcomes arrive as an event, below).
  for (const uid of COVERAGE_DEPENDENCIES) relevant.add(uid);
  const channel = strapi.config.get<string>('http-cache.readCache.channel', 'pcms_read_cache');
  const postgres = strapi.db.dialect.client === 'postgres';

  // Changes committed in this tick, sent to the other nodes in one notification.
  let pending: Set<string> | '*' | undefined;
  const notify = () => {
    const uids = pending;
    pending = undefined;
    if (!uids) return;
    let payload = JSON.stringify(uids === '*' ? '*' : [...uids]);
    if (Buffer.byteLength(payload) > MAX_NOTIFY_BYTES) payload = JSON.stringify('*');
    strapi.db.connection
      .raw('select pg_notify(?, ?)', [channel, payload])
      .catch((error: Error) => strapi.log.error(`[read-cache] could not tell the other nodes about a change: ${error.message}`));
  };
  const committed = (uids: string[] | '*') => {
    cache.invalidate(uids);
    if (!postgres) return;
    if (!pending) setImmediate(notify);
    pending = uids === '*' || pending === '*' ? '*' : new Set([...(pending ?? []), ...uids]);
  };

  strapi.db.lifecycles.subscribe(async (event: LifecycleEvent) => {
    if (!WRITE_ACTIONS.has(event.action)) return;
    const uid = event.model.uid;
    const everything = EVERYTHING_TRIGGERS.has(uid);
    if (!everything && (!relevant.has(uid) || isDraftRow(strapi, uid, event.result) || isNewFile(uid, event.action))) return;
    const change: string[] | '*' = everything ? '*' : [uid];
    if (!strapi.db.inTransaction()) {
      committed(change);
      return;
    }
    // Joins the open transaction (no new one) only to register the callback.
    await strapi.db.transaction(async ({ onCommit }) => onCommit(() => committed(change)));
  });

  // The outbox records outcomes through knex (no lifecycle): the plugin announces them, committed.
  strapi.eventHub.on(DELIVERY_OUTCOME_EVENT, async () => committed([OUTBOX_DELIVERY_UID]));
  announcers.set(strapi, (tags) => committed(tags));

  if (postgres) broadcasters.set(strapi, listen(strapi, cache, channel));
};

export const stopReadCacheInvalidation = async (strapi: Core.Strapi): Promise<void> => {
  await broadcasters.get(strapi)?.stop();
  broadcasters.delete(strapi);
  announcers.delete(strapi);
};
