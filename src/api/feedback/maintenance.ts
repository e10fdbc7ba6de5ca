import type { Core } from '@strapi/strapi';
import { RATE_LIMIT_CLEANUP_RULE, RATE_LIMIT_CLEANUP_TASK, RATE_LIMIT_TABLE } from './constants';
import { clearExpiredCounters } from './rate-limit-store';

/**
 * The feedback vertical's scheduled upkeep, started by the app (not by a plugin: the public routes
 * that fill the rate-limit table are the app's, so its cleanup must run whatever plugins are on).
 */
export const startFeedbackMaintenance = (strapi: Core.Strapi): void => {
  strapi.cron.add({
    [RATE_LIMIT_CLEANUP_TASK]: {
      task: async () => {
        try {
          await clearExpiredCounters(strapi, RATE_LIMIT_TABLE);
        } catch (error) {
          strapi.log.warn(`[feedback] rate-limit cleanup failed: ${String(error)}`);
        }
      },
      options: { rule: RATE_LIMIT_CLEANUP_RULE },
    },
  });
};

export const stopFeedbackMaintenance = (strapi: Core.Strapi): void => {
  strapi.cron.remove(RATE_LIMIT_CLEANUP_TASK);
};
