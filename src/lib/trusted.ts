import type { Core } from '@strapi/strapi';

type Trust = { runTrusted: <T>(reason: string, fn: () => Promise<T>) => Promise<T> };

/**
 * Runs `fn` as trusted content (the demo seed, imports): publishes inside it skip the approval
 * workflow and are recorded as forced with `reason`. Without the approval plugin it just runs `fn`;
 * the app never imports the plugin, it only looks its service up.
 */
export const runTrusted = <T>(strapi: Core.Strapi, reason: string, fn: () => Promise<T>): Promise<T> => {
  const trust = strapi.plugin('approval-workflow')?.service('trust') as Trust | undefined;
  return trust ? trust.runTrusted(reason, fn) : fn();
};
