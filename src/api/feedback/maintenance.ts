import type { Core } from '@strapi/strapi';
import { OVERDUE_DIGEST_TASK, OVERDUE_DIGEST_TIMEZONE, RATE_LIMIT_CLEANUP_RULE, RATE_LIMIT_CLEANUP_TASK, RATE_LIMIT_TABLE } from './constants';
import { sendOverdueDigests } from './overdue-digest';
import { clearExpiredCounters } from './rate-limit-store';
import { getFeedbackSettings } from './settings';

/** A scheduled task that logs its failure instead of throwing into the scheduler. */
const guarded = (strapi: Core.Strapi, name: string, work: () => Promise<unknown>) => async () => {
  try {
    await work();
  } catch (error) {
    strapi.log.warn(`[feedback] ${name} failed: ${String(error)}`);
  }
};

/**
 * The feedback vertical's scheduled upkeep, started by the app (not by a plugin: the public routes
 * that fill the rate-limit table are the app's, so its cleanup must run whatever plugins are on):
 * the rate-limit cleanup, and the daily digest of overdue feedback (Strapi's cron; on several
 * nodes each runs it, and the outbox's dedupe keys send each digest once).
 */
export const startFeedbackMaintenance = (strapi: Core.Strapi): void => {
  strapi.cron.add({
    [RATE_LIMIT_CLEANUP_TASK]: {
      task: guarded(strapi, 'rate-limit cleanup', () => clearExpiredCounters(strapi, RATE_LIMIT_TABLE)),
      options: { rule: RATE_LIMIT_CLEANUP_RULE },
    },
  });
  const digestRule = getFeedbackSettings(strapi).overdueDigestRule.trim();
  if (!digestRule) return;
  strapi.cron.add({
    [OVERDUE_DIGEST_TASK]: {
      task: guarded(strapi, 'overdue digest', () => sendOverdueDigests(strapi)),
      options: { rule: digestRule, tz: OVERDUE_DIGEST_TIMEZONE },
    },
  });
  // Strapi's cron only logs a rule it cannot parse: a typo must stop the boot, not silence the digest.
  if (!strapi.cron.jobs.some((job) => job.name === OVERDUE_DIGEST_TASK)) {
    throw new Error(`Invalid FEEDBACK_OVERDUE_DIGEST_CRON "${digestRule}": give a cron rule such as "0 7 * * 1-5", or an empty value for no digest`);
  }
};

export const stopFeedbackMaintenance = (strapi: Core.Strapi): void => {
  strapi.cron.remove(RATE_LIMIT_CLEANUP_TASK);
  strapi.cron.remove(OVERDUE_DIGEST_TASK);
};
