import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE } from '../../../common/uids';
import { epochMs, num, rowsOf } from './sql';

export type ConsultationTotals = { closed: number; withOutcome: number };
export type OverdueOutcomeRow = { documentId: string; title: string | null; closesAt: string };

/** Published consultation drafts, one row per document (the default locale's), with their window's end in ms. */
const publishedDrafts = (strapi: Core.Strapi) => {
  const db = strapi.db.connection;
  return `
    with drafts as (
      select document_id, title, closes_at, closes_ms, outcome_published_at from (
        select d.document_id, d.title, d.closes_at, ${epochMs(db, 'd.closes_at')} as closes_ms, d.outcome_published_at,
               row_number() over (partition by d.document_id order by case when d.locale = '${DEFAULT_LOCALE}' then 0 else 1 end, d.id) as rn
        from consultation_drafts d where d.published_at is not null
      ) ranked where rn = 1
    )`;
};

/** Drafts whose consultation has closed, and those of them whose outcome is published. */
export const consultationTotals = async (strapi: Core.Strapi, now: Date): Promise<ConsultationTotals> => {
  const result = await strapi.db.connection.raw(
    `${publishedDrafts(strapi)}
    select count(*) as closed, sum(case when outcome_published_at is not null then 1 else 0 end) as with_outcome
    from drafts where closes_ms < ?`,
    [now.getTime()],
  );
  const [row] = rowsOf<Record<string, unknown>>(result);
  return { closed: num(row?.closed), withOutcome: num(row?.with_outcome) };
};

/** Closed drafts without a published outcome more than `outcomeDays` after closing, oldest first. */
export const overdueOutcomes = async (strapi: Core.Strapi, now: Date, outcomeDays: number, limit: number): Promise<OverdueOutcomeRow[]> => {
  const result = await strapi.db.connection.raw(
    `${publishedDrafts(strapi)}
    select document_id, title, closes_ms from drafts
    where outcome_published_at is null and closes_ms < ?
    order by closes_ms, document_id limit ${Math.max(0, Math.floor(limit))}`,
    [now.getTime() - outcomeDays * 86_400_000],
  );
  return rowsOf<Record<string, unknown>>(result).map((row) => ({
    documentId: String(row.document_id),
    title: (row.title as string | null) ?? null,
    closesAt: new Date(num(row.closes_ms)).toISOString(),
  }));
};
