import crypto from 'crypto';
import { joinUrl, post } from '../../utils/http';
import { sleep } from '../../utils/sleep';
import { ChannelError, type ChannelStateStore } from '../types';
import { parseZaloReply } from './client';

/** What the channel keeps (encrypted) in its state row. */
type StoredTokens = {
  refreshToken?: string;
  accessToken?: string;
  accessTokenExpiresAt?: number;
  /** SHA-256 of the ZALO_REFRESH_TOKEN the stored chain started from: a new env token means re-authorised. */
  seed?: string;
};

export type TokenConfig = { oauthBase: string; appId: string; secretKey: string; refreshToken?: string | null; timeoutMs: number };

// An access token is refreshed this long before Zalo says it expires.
const EXPIRY_MARGIN_MS = 60_000;
// A refresh is one HTTP call: a node holding the lease longer than this has died.
const REFRESH_LEASE_MS = 30_000;
const WAIT_STEP_MS = 100;

const fingerprint = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/**
 * Zalo OA access tokens shared by every node. Zalo rotates the refresh token on each refresh and the
 * old one stops working, so: one node refreshes at a time (a lease on the state row, not a
 * transaction held across the call), and the new refresh token is stored (encrypted) before the new
 * access token is used, or the integration would die at the next restart.
 */
export const createTokenManager = ({ store, config }: { store: ChannelStateStore; config: TokenConfig }) => {
  const read = async (): Promise<StoredTokens> => {
    const { secret } = await store.read();
    if (!secret) return {};
    try {
      return JSON.parse(secret) as StoredTokens;
    } catch {
      return {};
    }
  };

  const usable = (tokens: StoredTokens, rejected?: string): tokens is StoredTokens & { accessToken: string } =>
    Boolean(tokens.accessToken) &&
    tokens.accessToken !== rejected &&
    (tokens.accessTokenExpiresAt ?? 0) - EXPIRY_MARGIN_MS > Date.now();

  /** The refresh token to use: a newly configured one wins over the stored chain, else the stored rotation. */
  const currentRefreshToken = (tokens: StoredTokens): { token: string | undefined; seed: string | undefined } => {
    const configured = config.refreshToken || undefined;
    const seed = configured ? fingerprint(configured) : tokens.seed;
    if (configured && seed !== tokens.seed) return { token: configured, seed };
    return { token: tokens.refreshToken ?? configured, seed };
  };

  const refresh = async (tokens: StoredTokens, signal: AbortSignal): Promise<string> => {
    const { token, seed } = currentRefreshToken(tokens);
    if (!token) throw new ChannelError('no Zalo refresh token: set ZALO_REFRESH_TOKEN', { retryable: true });
    const reply = parseZaloReply(
      'Zalo token refresh',
      await post('Zalo OAuth', joinUrl(config.oauthBase, '/v4/oa/access_token'), {
        headers: { 'content-type': 'application/x-www-form-urlencoded', secret_key: config.secretKey },
        body: new URLSearchParams({ app_id: config.appId, grant_type: 'refresh_token', refresh_token: token }),
        timeoutMs: config.timeoutMs,
        signal,
      }),
    );
    const accessToken = typeof reply.access_token === 'string' ? reply.access_token : '';
    const refreshToken = typeof reply.refresh_token === 'string' ? reply.refresh_token : '';
    if (!accessToken || !refreshToken) {
      const code = reply.error ?? 'unknown';
      const reason = [reply.error_name, reply.error_description ?? reply.message].filter((part) => typeof part === 'string' && part).join(': ');
      // Retryable: an operator who re-authorises the OA and sets ZALO_REFRESH_TOKEN rescues what is queued.
      throw new ChannelError(`Zalo refused the refresh token (error ${String(code)}${reason ? `, ${reason}` : ''}): re-authorise the OA and set ZALO_REFRESH_TOKEN`, {
        retryable: true,
      });
    }
    const expiresInSeconds = Number(reply.expires_in ?? 0);
    const next: StoredTokens = {
      refreshToken,
      accessToken,
      accessTokenExpiresAt: Date.now() + (Number.isFinite(expiresInSeconds) && expiresInSeconds > 0 ? expiresInSeconds * 1000 : 3600_000),
      seed,
    };
    await store.write({
      secret: JSON.stringify(next),
      value: { refreshedAt: new Date().toISOString(), accessTokenExpiresAt: new Date(next.accessTokenExpiresAt ?? 0).toISOString() },
    });
    return accessToken;
  };

  return {
    /** Whether a refresh token is available (configured or stored). */
    async hasRefreshToken(): Promise<boolean> {
      if (config.refreshToken) return true;
      return Boolean((await read()).refreshToken);
    },

    /** A valid access token; `rejected` is one Zalo just refused, which forces a refresh. */
    async accessToken({ rejected, signal, maxWaitMs }: { rejected?: string; signal: AbortSignal; maxWaitMs: number }): Promise<string> {
      let tokens = await read();
      if (usable(tokens, rejected)) return tokens.accessToken;
      for (let waited = 0; ; waited += WAIT_STEP_MS) {
        const lease = await store.acquireLease(REFRESH_LEASE_MS);
        if (lease) {
          try {
            // Another node may have refreshed between our read and our lease.
            tokens = await read();
            if (usable(tokens, rejected)) return tokens.accessToken;
            return await refresh(tokens, signal);
          } finally {
            await store.releaseLease(lease);
          }
        }
        if (waited >= maxWaitMs) throw new ChannelError('a Zalo token refresh is in progress on another node', { retryable: true });
        await sleep(WAIT_STEP_MS, signal);
        tokens = await read();
        if (usable(tokens, rejected)) return tokens.accessToken;
      }
    },
  };
};
