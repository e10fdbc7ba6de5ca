import { z } from 'zod';
import { joinUrl } from '../../utils/http';
import { type ChannelDescription, type ChannelStateStore } from '../types';
import { callOpenApi, type ZaloReply } from './client';
import { ZaloTokenError } from './errors';
import { createTokenManager } from './tokens';

const optionalText = z.preprocess((value) => (value === '' ? undefined : value), z.string().nullish());

/** The Zalo settings (config/plugins.ts, `channels.zalo`), shared by the article channel and the consultation messages. */
export const zaloConfigSchema = z.object({
  apiBase: z.preprocess((value) => (value === '' || value == null ? undefined : value), z.string().default('https://openapi.zalo.me')),
  oauthBase: z.preprocess((value) => (value === '' || value == null ? undefined : value), z.string().default('https://oauth.zaloapp.com')),
  appId: optionalText,
  secretKey: optionalText,
  refreshToken: optionalText,
  /** Content types that become OA articles. */
  contentTypes: z.array(z.string()).default(['api::policy.policy']),
  /** Locales that become OA articles (the OA speaks Vietnamese); empty = all. */
  locales: z.array(z.string()).default(['vi']),
  /** Author when the entry has no lead agency. */
  author: z.preprocess((value) => (value === '' || value == null ? undefined : value), z.string().default('UBND tỉnh')),
  /** Cover photo for entries without an image (Zalo requires one); unset = the generated default cover. */
  coverUrl: optionalText,
  /** What the generated default cover says: the province's name, and a line under it. */
  defaultCoverText: z.preprocess((value) => (value === '' || value == null ? undefined : value), z.string().default('Tỉnh Lào Cai')),
  defaultCoverSubtitle: z.preprocess((value) => (value === '' || value == null ? undefined : value), z.string().default('Thông tin chính sách')),
  timeoutMs: z.number().int().min(1).default(10_000),
  /** How many times to ask whether a created article has its id yet, and how long to wait between. */
  verifyAttempts: z.number().int().min(1).default(5),
  verifyDelayMs: z.number().int().min(0).default(2000),
});

export type ZaloConfig = z.infer<typeof zaloConfigSchema>;

/**
 * One connection to the OA's OpenAPI: the settings, the shared rotating tokens (kept in the zalo
 * channel's state row, so every user of the OA on every node follows one refresh-token chain) and
 * `call`. The article channel and the `zalo-oa` service (consultation messages) both use it.
 */
export const createZaloOaClient = ({ config, state }: { config: ZaloConfig; state: ChannelStateStore }) => {
  const tokens = createTokenManager({
    store: state,
    config: {
      oauthBase: config.oauthBase,
      appId: config.appId ?? '',
      secretKey: config.secretKey ?? '',
      refreshToken: config.refreshToken,
      timeoutMs: config.timeoutMs,
    },
  });

  return {
    /** Whether the OA is set up (names of missing settings, never their values). */
    async describe(): Promise<ChannelDescription> {
      const problems: string[] = [];
      if (!config.appId) problems.push('ZALO_APP_ID');
      if (!config.secretKey) problems.push('ZALO_SECRET_KEY');
      const enabled = Boolean(config.appId || config.secretKey || config.refreshToken);
      if (enabled && !(await tokens.hasRefreshToken())) problems.push('ZALO_REFRESH_TOKEN');
      return { enabled, configComplete: enabled && problems.length === 0, problems };
    },

    /** POSTs to an OA endpoint; an access token Zalo refuses is refreshed once and the call repeated. */
    async call(what: string, path: string, body: Record<string, unknown>, { signal }: { signal?: AbortSignal } = {}): Promise<ZaloReply> {
      const url = joinUrl(config.apiBase, path);
      const maxWaitMs = config.timeoutMs;
      const abort = signal ?? new AbortController().signal;
      const accessToken = await tokens.accessToken({ signal: abort, maxWaitMs });
      try {
        return await callOpenApi(what, url, { accessToken, body, timeoutMs: config.timeoutMs, signal: abort });
      } catch (error) {
        if (!(error instanceof ZaloTokenError)) throw error;
        const fresh = await tokens.accessToken({ rejected: accessToken, signal: abort, maxWaitMs });
        return callOpenApi(what, url, { accessToken: fresh, body, timeoutMs: config.timeoutMs, signal: abort });
      }
    },
  };
};

export type ZaloOaClient = ReturnType<typeof createZaloOaClient>;
