import { AsyncLocalStorage } from 'node:async_hooks';

const trusted = new AsyncLocalStorage<{ reason: string }>();

/**
 * Runs `fn` with the publish guard lifted, for code the province trusts without a review (the
 * development seed, data imports). Every publish inside is still recorded, marked forced, with
 * `reason` as its comment. Only in-process code can reach this; no HTTP route leads here.
 */
export const runTrusted = <T>(reason: string, fn: () => Promise<T>): Promise<T> => {
  if (!reason.trim()) return Promise.reject(new Error('runTrusted needs a reason: it is written to the audit trail'));
  return trusted.run({ reason: reason.trim() }, fn);
};

/** The reason of the enclosing `runTrusted` call, if any. */
export const trustedReason = (): string | null => trusted.getStore()?.reason ?? null;
