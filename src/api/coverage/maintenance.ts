import type { Core } from '@strapi/strapi';
import { appService } from '../../lib/app-services';
import { HISTORY_TASK } from './constants';
import { coverageSettings } from './settings';

/**
 * The coverage history's daily snapshot (a Strapi cron task, in the province's time zone), and one
 * at boot when today has none so a fresh demo has a first point. Started by the app, not a plugin:
 * coverage must answer whatever plugins are on.
 */
export const startCoverageHistory = async (strapi: Core.Strapi): Promise<void> => {
  const { historyRule, timeZone } = coverageSettings(strapi);
  const history = appService(strapi, 'api::coverage.history');
  strapi.cron.add({
    [HISTORY_TASK]: {
      task: async () => {
        try {
          await history.record();
        } catch (error) {
          strapi.log.warn(`[coverage] daily snapshot failed: ${String(error)}`);
        }
      },
      options: { rule: historyRule, tz: timeZone },
    },
  });
  try {
    await history.recordIfMissing();
  } catch (error) {
    strapi.log.warn(`[coverage] first snapshot failed: ${String(error)}`);
  }
};

export const stopCoverageHistory = (strapi: Core.Strapi): void => {
  strapi.cron.remove(HISTORY_TASK);
};
