import type { Core } from '@strapi/strapi';

export type CoverageSettings = { cacheSeconds: number; outcomeDays: number; maxGaps: number; historyRule: string; timeZone: string };

/** `config/coverage.ts`, with its defaults when a value is missing. */
export const coverageSettings = (strapi: Core.Strapi): CoverageSettings => ({
  cacheSeconds: strapi.config.get<number>('coverage.cacheSeconds', 60),
  outcomeDays: strapi.config.get<number>('coverage.outcomeDays', 30),
  maxGaps: strapi.config.get<number>('coverage.maxGaps', 200),
  historyRule: strapi.config.get<string>('coverage.historyRule', '0 50 23 * * *'),
  timeZone: strapi.config.get<string>('coverage.timeZone', 'Asia/Ho_Chi_Minh'),
});
