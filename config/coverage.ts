import type { Core } from '@strapi/strapi';

/**
 * Coverage KPIs (README: "Coverage"), read through `src/api/coverage/settings.ts`.
 * - `cacheSeconds`: how long an answer of `/api/coverage` may be reused (this node's read cache and
 *   the HTTP `max-age`); a change it was computed from clears it sooner. 0: never cached.
 * - `outcomeDays`: days after a consultation closes by which its outcome should be published;
 *   later, the draft is listed as an overdue outcome.
 * - `maxGaps`: policies with gaps listed in the JSON answer (the CSV lists them all).
 * - `historyRule` / `timeZone`: when the daily snapshot of the two headline percentages is recorded.
 */
const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  cacheSeconds: env.int('COVERAGE_CACHE_SECONDS', 60),
  outcomeDays: env.int('COVERAGE_OUTCOME_DAYS', 30),
  maxGaps: env.int('COVERAGE_MAX_GAPS', 200),
  historyRule: env('COVERAGE_HISTORY_RULE', '0 50 23 * * *'),
  timeZone: env('COVERAGE_TIME_ZONE', 'Asia/Ho_Chi_Minh'),
});

export default config;
