import crypto from 'crypto';
import { readBody, sendJson, startServer } from './http';

export type ZaloArticle = { id: string; title: string; author: string; description: string; cover: any; body: any[]; removed: boolean; updates: number };
export type ZaloCall = { path: string; accessToken?: string; body: any; reply: any };
/** A cover the fake downloaded, as Zalo does when an article is created. */
export type CoverDownload = { url: string; status: number; contentType: string | null; bytes: Buffer };
/** A broadcast (tin truyền thông) Zalo accepted: which article, to which followers. */
export type ZaloBroadcast = { articleId: string; target: Record<string, unknown>; messageId: string };
/** A consultation message Zalo accepted. */
export type ZaloCsMessage = { userId: string; text: string; messageId: string };

const LIMITS = { title: 150, author: 50, description: 300 };
const random = (prefix: string) => `${prefix}${crypto.randomBytes(9).toString('hex')}`;

/**
 * A Zalo Official Account as the contract describes it, on 127.0.0.1: OAuth refresh (the refresh
 * token rotates on every use, the old one dies), access tokens that expire, and the article
 * create → verify → id, update and remove endpoints, and the consultation message
 * (`/v3.0/oa/message/cs`: `{ recipient: { user_id }, message: { text } }`, text at most 2000
 * characters), answering HTTP 200 with `error ≠ 0` on failure.
 */
export const startZaloFake = async ({ appId, secretKey, refreshToken, accessTokenSeconds = 90_000, verifyPendingCalls = 1, downloadCovers = false }: {
  appId: string;
  secretKey: string;
  refreshToken: string;
  accessTokenSeconds?: number;
  /** How many verify calls answer "still processing" before the id is given. */
  verifyPendingCalls?: number;
  /**
   * Download each article's cover as Zalo does, refusing (-201) one that is not a JPEG or PNG image
   * of at most 1 MB. Off by default: most suites point ZALO_COVER_URL at nothing.
   */
  downloadCovers?: boolean;
}) => {
  const validRefreshTokens = new Set([refreshToken]);
  const accessTokens = new Map<string, number>();
  const articles = new Map<string, ZaloArticle>();
  const pending = new Map<string, { articleId: string; remaining: number }>();
  const calls: ZaloCall[] = [];
  const csMessages: ZaloCsMessage[] = [];
  const broadcasts: ZaloBroadcast[] = [];
  const refreshes: Array<{ used: string; issued: string | null }> = [];
  /** Scripted replies for the next calls to a path (consumed first-in first-out). */
  const scripted = new Map<string, any[]>();
  /** Covers downloaded (when `downloadCovers`), in order. */
  const coverDownloads: CoverDownload[] = [];

  /** Fetches a cover like Zalo: an image it can read, within Zalo's 1 MB; returns a problem or null. */
  const downloadCover = async (url: string): Promise<string | null> => {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      const bytes = Buffer.from(await response.arrayBuffer());
      coverDownloads.push({ url, status: response.status, contentType: response.headers.get('content-type'), bytes });
      if (response.status !== 200) return `cover photo ${url} answered HTTP ${response.status}`;
      const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
      const png = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      if (!jpeg && !png) return `cover photo ${url} is not a JPEG or PNG image`;
      if (bytes.length > 1024 * 1024) return `cover photo ${url} is larger than 1 MB`;
      return null;
    } catch (error) {
      return `cover photo ${url} cannot be downloaded: ${(error as Error).message}`;
    }
  };

  const tokenOk = (token: string | undefined) => {
    const expiresAt = token ? accessTokens.get(token) : undefined;
    return expiresAt !== undefined && expiresAt > Date.now();
  };

  const validateArticle = (body: any): string | null => {
    if (body?.type !== 'normal') return 'type must be normal';
    for (const [field, limit] of Object.entries(LIMITS)) {
      if (typeof body[field] !== 'string' || body[field].length === 0) return `${field} is required`;
      if (Array.from(body[field] as string).length > limit) return `${field} is longer than ${limit} characters`;
    }
    if (body.cover?.cover_type !== 'photo' || !/^https?:\/\//.test(body.cover?.photo_url ?? '') || body.cover?.status !== 'show') return 'cover is invalid';
    if (!Array.isArray(body.body) || body.body.length === 0) return 'body is required';
    for (const item of body.body) {
      if (item?.type === 'text' && typeof item.content === 'string') continue;
      if (item?.type === 'image' && /^https?:\/\//.test(item.url ?? '')) continue;
      return 'body item is invalid';
    }
    if (body.status !== 'show' || body.comment !== 'show') return 'status/comment invalid';
    return null;
  };

  const server = await startServer(async (request, response) => {
    const raw = await readBody(request);
    const path = (request.url ?? '').split('?')[0];
    const record = (body: any, reply: any, accessToken?: string) => {
      calls.push({ path, accessToken, body, reply });
      sendJson(response, 200, reply);
    };

    if (path === '/v4/oa/access_token') {
      const form = new URLSearchParams(raw);
      const used = form.get('refresh_token') ?? '';
      if (request.headers.secret_key !== secretKey || form.get('app_id') !== appId) {
        refreshes.push({ used, issued: null });
        return record({ form: Object.fromEntries(form) }, { error: -14001, error_name: 'Invalid app', error_description: 'app_id or secret_key is wrong' });
      }
      if (form.get('grant_type') !== 'refresh_token' || !validRefreshTokens.has(used)) {
        refreshes.push({ used, issued: null });
        return record({}, { error: -14014, error_name: 'Invalid refresh token', error_description: 'Refresh token is invalid or already used' });
      }
      validRefreshTokens.delete(used);
      const nextRefresh = random('rt_');
      const access = random('at_');
      validRefreshTokens.add(nextRefresh);
      accessTokens.set(access, Date.now() + accessTokenSeconds * 1000);
      refreshes.push({ used, issued: nextRefresh });
      return record({}, { access_token: access, refresh_token: nextRefresh, expires_in: String(accessTokenSeconds) });
    }

    let body: any = null;
    try {
      body = JSON.parse(raw);
    } catch {
      return record(raw, { error: -201, message: 'body is not JSON' });
    }
    const accessToken = request.headers.access_token as string | undefined;
    const script = scripted.get(path);
    if (script && script.length > 0) return record(body, script.shift(), accessToken);
    if (!tokenOk(accessToken)) return record(body, { error: -216, message: 'Access token is invalid' }, accessToken);

    switch (path) {
      case '/v2.0/article/create': {
        const problem = validateArticle(body) ?? (downloadCovers ? await downloadCover(body.cover.photo_url) : null);
        if (problem) return record(body, { error: -201, message: `Invalid data: ${problem}` }, accessToken);
        const id = random('art_');
        articles.set(id, { id, title: body.title, author: body.author, description: body.description, cover: body.cover, body: body.body, removed: false, updates: 0 });
        const token = random('tok_');
        pending.set(token, { articleId: id, remaining: verifyPendingCalls });
        return record(body, { error: 0, message: 'Success', data: { token } }, accessToken);
      }
      case '/v2.0/article/verify': {
        const entry = pending.get(body?.token);
        if (!entry) return record(body, { error: -201, message: 'token does not exist' }, accessToken);
        if (entry.remaining > 0) {
          entry.remaining -= 1;
          return record(body, { error: 0, message: 'Processing', data: {} }, accessToken);
        }
        return record(body, { error: 0, message: 'Success', data: { id: entry.articleId } }, accessToken);
      }
      case '/v2.0/article/update': {
        const article = articles.get(body?.id);
        if (!article || article.removed) return record(body, { error: -201, message: 'article does not exist' }, accessToken);
        const problem = validateArticle(body);
        if (problem) return record(body, { error: -201, message: `Invalid data: ${problem}` }, accessToken);
        Object.assign(article, { title: body.title, author: body.author, description: body.description, cover: body.cover, body: body.body });
        article.updates += 1;
        return record(body, { error: 0, message: 'Success', data: { token: random('tok_') } }, accessToken);
      }
      case '/v2.0/article/remove': {
        const article = articles.get(body?.id);
        if (!article || article.removed) return record(body, { error: -201, message: 'article does not exist' }, accessToken);
        article.removed = true;
        return record(body, { error: 0, message: 'Success' }, accessToken);
      }
      case '/v3.0/oa/message/cs': {
        const userId = body?.recipient?.user_id;
        const text = body?.message?.text;
        if (typeof userId !== 'string' || !/^\d+$/.test(userId)) return record(body, { error: -201, message: 'recipient.user_id is invalid' }, accessToken);
        if (typeof text !== 'string' || text.length === 0 || Array.from(text).length > 2000) return record(body, { error: -201, message: 'message.text is invalid' }, accessToken);
        const messageId = random('msg_');
        csMessages.push({ userId, text, messageId });
        return record(body, { error: 0, message: 'Success', data: { message_id: messageId, user_id: userId } }, accessToken);
      }
      case '/v2.0/oa/message': {
        // The broadcast: a media template whose one element is an OA article, to `recipient.target`.
        const target = body?.recipient?.target;
        const attachment = body?.message?.attachment;
        const elements = attachment?.payload?.elements;
        if (!target || typeof target !== 'object' || Array.isArray(target)) return record(body, { error: -201, message: 'recipient.target is invalid' }, accessToken);
        for (const [key, value] of Object.entries(target)) {
          if (!['ages', 'gender', 'locations', 'cities', 'platform'].includes(key) || typeof value !== 'string' || !/^\d+(,\d+)*$/.test(value)) {
            return record(body, { error: -201, message: `recipient.target.${key} is invalid` }, accessToken);
          }
        }
        if (attachment?.type !== 'template' || attachment?.payload?.template_type !== 'media' || !Array.isArray(elements) || elements.length !== 1) {
          return record(body, { error: -201, message: 'message.attachment must be a media template with one element' }, accessToken);
        }
        const [element] = elements;
        const article = articles.get(element?.attachment_id);
        if (element?.media_type !== 'article' || !article || article.removed) return record(body, { error: -201, message: 'attachment_id is not an article of this OA' }, accessToken);
        const messageId = random('bc_');
        broadcasts.push({ articleId: article.id, target, messageId });
        return record(body, { error: 0, message: 'Success', data: { message_id: messageId } }, accessToken);
      }
      default:
        response.writeHead(404);
        response.end();
    }
  });

  return {
    apiBase: server.url(),
    oauthBase: server.url(),
    articles,
    calls,
    /** Consultation messages accepted, in order. */
    csMessages,
    /** Broadcasts accepted, in order. */
    broadcasts,
    refreshes,
    coverDownloads,
    /** The refresh tokens Zalo would accept now. */
    validRefreshTokens,
    /** The next call(s) to `path` get these replies (before any token check). */
    script(path: string, ...replies: any[]) {
      scripted.set(path, [...(scripted.get(path) ?? []), ...replies]);
    },
    /** Drops the replies still scripted for `path`. */
    unscript(path: string) {
      scripted.delete(path);
    },
    /** Every access token issued so far stops working (as after Zalo's expiry). */
    expireAccessTokens() {
      for (const token of accessTokens.keys()) accessTokens.set(token, 0);
    },
    articleCalls: (name: 'create' | 'verify' | 'update' | 'remove') => calls.filter((call) => call.path === `/v2.0/article/${name}`),
    close: server.close,
  };
};

export type ZaloFake = Awaited<ReturnType<typeof startZaloFake>>;
