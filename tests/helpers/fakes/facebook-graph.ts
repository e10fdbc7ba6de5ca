import crypto from 'crypto';
import { readBody, sendJson, startServer } from './http';

export const GRAPH_VERSION = 'v24.0';

export type FacebookPagePost = { id: string; message: string; link: string | null; updates: number; deleted: boolean };
export type GraphCall = { method: string; path: string; params: Record<string, string>; status: number; reply: any };
/** A scripted answer: the HTTP status and Graph's error object (`code`, `error_subcode`, `message`, `type`). */
export type GraphErrorReply = { status: number; error: { code: number; message: string; type?: string; error_subcode?: number; error_user_msg?: string } };

/**
 * A Facebook Page behind the Graph API as Meta documents it (Pages API "Posts", "Handling Errors"),
 * on 127.0.0.1: `POST /{version}/{page-id}/feed` (`message`, `link`, `access_token`, form-encoded)
 * answers `{ id: "{page-id}_{post-id}" }`; `POST /{version}/{post-id}` with `message` edits it and
 * `DELETE /{version}/{post-id}?access_token=` deletes it, both answering `{ success: true }`. A wrong
 * Page token is `400 { error: { type: "OAuthException", code: 190 } }`; an unknown post is code 100,
 * subcode 33. Tests may script the next answers (rate limits, token errors…).
 */
export const startFacebookGraphFake = async ({ pageId, pageToken }: { pageId: string; pageToken: string }) => {
  const posts = new Map<string, FacebookPagePost>();
  const calls: GraphCall[] = [];
  const scripted: GraphErrorReply[] = [];
  let validToken = pageToken;

  const graphError = (code: number, message: string, extra: Record<string, unknown> = {}) => ({
    error: { message, type: code === 190 ? 'OAuthException' : 'GraphMethodException', code, fbtrace_id: crypto.randomBytes(6).toString('hex'), ...extra },
  });

  const server = await startServer(async (request, response) => {
    const raw = await readBody(request);
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const params: Record<string, string> = {
      ...Object.fromEntries(url.searchParams),
      ...(request.headers['content-type']?.startsWith('application/x-www-form-urlencoded') ? Object.fromEntries(new URLSearchParams(raw)) : {}),
    };
    const method = request.method ?? 'GET';
    const reply = (status: number, body: any) => {
      calls.push({ method, path: url.pathname, params, status, reply: body });
      sendJson(response, status, body);
    };

    const prefix = `/${GRAPH_VERSION}/`;
    if (!url.pathname.startsWith(prefix)) return reply(404, graphError(803, 'Unknown path'));
    const node = decodeURIComponent(url.pathname.slice(prefix.length));

    const next = scripted.shift();
    if (next) return reply(next.status, { error: { fbtrace_id: 'scripted', ...next.error } });
    if (params.access_token !== validToken) {
      return reply(400, graphError(190, 'Error validating access token: The session has been invalidated because the user changed their password.', { error_subcode: 460 }));
    }

    if (method === 'POST' && node === `${pageId}/feed`) {
      if (!params.message) return reply(400, graphError(100, '(#100) The parameter message is required'));
      const id = `${pageId}_${crypto.randomInt(1e9, 1e10)}`;
      posts.set(id, { id, message: params.message, link: params.link ?? null, updates: 0, deleted: false });
      return reply(200, { id });
    }
    const existing = posts.get(node);
    if (!existing || existing.deleted) {
      return reply(400, graphError(100, `(#100) Unsupported ${method.toLowerCase()} request. Object with ID '${node}' does not exist`, { error_subcode: 33 }));
    }
    if (method === 'POST') {
      if (!params.message) return reply(400, graphError(100, '(#100) The parameter message is required'));
      existing.message = params.message;
      existing.updates += 1;
      return reply(200, { success: true });
    }
    if (method === 'DELETE') {
      existing.deleted = true;
      return reply(200, { success: true });
    }
    return reply(400, graphError(100, `(#100) Unsupported ${method} request`));
  });

  return {
    /** FACEBOOK_GRAPH_BASE for the app. */
    graphBase: server.url(`/${GRAPH_VERSION}`),
    posts,
    calls,
    /** The next calls answer these errors, one each, whatever they ask. */
    script(...replies: GraphErrorReply[]) {
      scripted.push(...replies);
    },
    /** Facebook stops accepting the current token (as after a password change) and accepts `token` instead. */
    rotateToken(token: string) {
      validToken = token;
    },
    close: server.close,
  };
};

export type FacebookGraphFake = Awaited<ReturnType<typeof startFacebookGraphFake>>;
