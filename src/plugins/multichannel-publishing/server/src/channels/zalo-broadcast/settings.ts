import { z } from 'zod';
import { parseSendingWindow, type SendingWindow } from './schedule';

/** The broadcast settings (config/plugins.ts, `channels['zalo-broadcast']`). */
export const broadcastConfigSchema = z.object({
  /** Broadcasts per month (Asia/Ho_Chi_Minh): Zalo rations how many a follower receives a month. */
  monthlyLimit: z.number().int().min(0).default(4),
  /** Daily sending window, local time: outside it a broadcast waits. */
  hours: z.preprocess((value) => (value === '' || value == null ? undefined : value), z.string().default('06:00-20:00')),
  /** Zalo's city codes to target, comma-separated; empty = every follower. */
  cities: z.preprocess((value) => (value == null ? '' : value), z.string()),
  /** How often a waiting broadcast (article not delivered yet, window closed, budget spent) looks again. */
  recheckMs: z.number().int().min(10).default(60_000),
});

export type BroadcastSettings = {
  monthlyLimit: number;
  window: SendingWindow | null;
  hours: string;
  cities: string[] | null;
  recheckMs: number;
};

const CITIES = /^\s*\d+(\s*,\s*\d+)*\s*$/;

/** The settings with the window and cities parsed; `null` fields are malformed (reported by `describe`). */
export const parseBroadcastSettings = (raw: unknown): BroadcastSettings => {
  const config = broadcastConfigSchema.parse(raw ?? {});
  const cities = config.cities.trim() === '' ? [] : CITIES.test(config.cities) ? config.cities.split(',').map((city) => city.trim()) : null;
  return { monthlyLimit: config.monthlyLimit, window: parseSendingWindow(config.hours), hours: config.hours, cities, recheckMs: config.recheckMs };
};
