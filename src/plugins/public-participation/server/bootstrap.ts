import type { Core } from '@strapi/strapi';
import { RATE_LIMIT_TABLE } from '../../../api/feedback/constants';
import { clearExpiredCounters } from '../../../lib/rate-limit';
import { RATE_LIMIT_CLEANUP_RULE, RATE_LIMIT_CLEANUP_TASK } from './constants';

/** Daily removal of expired public rate-limit counters (one row per client address and window). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.cron.add({
    [RATE_LIMIT_CLEANUP_TASK]: {
      task: async () => {
        try {
          await clearExpiredCounters(strapi, RATE_LIMIT_TABLE);
        } catch (error) {
          strapi.log.warn(`[public-participation] rate-limit cleanup failed: ${String(error)}`);
        }
      },
      options: { rule: RATE_LIMIT_CLEANUP_RULE },
    },
  });
};
