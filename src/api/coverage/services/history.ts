import type { Core } from '@strapi/strapi';
import { announceChange } from '../../../lib/read-cache-invalidation';
import { SNAPSHOT_TABLE } from '../constants';
import { dayIn, monthsEnding } from '../dates';
import { rowsOf } from '../queries/sql';
import { coverageSettings } from '../settings';
import type { Headline } from './coverage';

type SnapshotRow = { day: string; agenciesPercent: unknown; policiesPercent: unknown };

export type HistoryMonth = { month: string; recordedOn: string | null; agenciesPercent: number | null; policiesPercent: number | null };

const pct = (value: unknown): number | null => (value === null || value === undefined ? null : Math.round(Number(value) * 10) / 10);

/**
 * The daily record of the two headline percentages (`coverage_snapshots`, one row per day in the
 * province's time zone), so the trend survives later edits of agencies, policies and deliveries. The
 * table is not a content type (see its migration): written with knex, then announced to the read cache.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const db = () => strapi.db.connection;
  const headline = () => (strapi.service('api::coverage.coverage') as unknown as { headline: () => Promise<Headline> }).headline();

  return {
    /** Records (or replaces) today's snapshot with the figures as they are now: one upsert. */
    async record(now = new Date()): Promise<string> {
      const day = dayIn(now, coverageSettings(strapi).timeZone);
      const figures = await headline();
      await db()(SNAPSHOT_TABLE)
        .insert({
          day,
          agencies_total: figures.agencies.total,
          agencies_covered: figures.agencies.covered,
          agencies_percent: figures.agencies.percent,
          policies_in_scope: figures.policies.inScope,
          policies_fully_communicated: figures.policies.fullyCommunicated,
          policies_percent: figures.policies.percent,
          recorded_at: now,
        })
        .onConflict('day')
        .merge();
      announceChange(strapi, [SNAPSHOT_TABLE]);
      return day;
    },

    /** Records today's snapshot unless one exists (at boot: a fresh demo has a first point). */
    async recordIfMissing(now = new Date()): Promise<boolean> {
      const day = dayIn(now, coverageSettings(strapi).timeZone);
      if (await db()(SNAPSHOT_TABLE).where({ day }).first()) return false;
      await this.record(now);
      return true;
    },

    /** The last `count` months, oldest first: each month's last recorded day, or nulls when none was recorded. */
    async months(count: number, now = new Date()): Promise<{ generatedAt: string; months: HistoryMonth[] }> {
      const today = dayIn(now, coverageSettings(strapi).timeZone);
      const months = monthsEnding(today, count);
      const result = await db().raw(
        `select s.day, s.agencies_percent, s.policies_percent from ${SNAPSHOT_TABLE} s
         join (select max(day) as day from ${SNAPSHOT_TABLE} where day >= ? and day <= ? group by substr(day, 1, 7)) last on last.day = s.day`,
        [`${months[0]}-01`, today],
      );
      const rows = rowsOf<Record<string, unknown>>(result).map<SnapshotRow>((row) => ({
        day: String(row.day),
        agenciesPercent: row.agencies_percent,
        policiesPercent: row.policies_percent,
      }));
      return {
        generatedAt: now.toISOString(),
        months: months.map((month) => {
          const row = rows.find((candidate) => candidate.day.startsWith(month));
          return {
            month,
            recordedOn: row?.day ?? null,
            agenciesPercent: row ? pct(row.agenciesPercent) : null,
            policiesPercent: row ? pct(row.policiesPercent) : null,
          };
        }),
      };
    },
  };
};
