import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE, FEEDBACK_UID } from '../../../common/uids';
import { OPEN_FEEDBACK_STATUSES } from '../constants';
import { epochMs, linkOf, num, rowsOf } from './sql';

export type FeedbackRow = {
  agencyDocumentId: string | null;
  code: string | null;
  name: string | null;
  received: number;
  answeredOnTime: number;
  answeredLate: number;
  overdue: number;
  medianDaysToAnswer: number | null;
};

export type Period = { fromMs: number; toMs: number };

/**
 * Feedback received in the period (created in it; rejected ones, spam included, left out), each with
 * its responding agency's document (the default locale's row gives its code and name).
 */
const periodFeedback = (strapi: Core.Strapi) => {
  const db = strapi.db.connection;
  const agencyLink = linkOf(strapi, FEEDBACK_UID, 'respondingAgency');
  return `
    with agency as (
      select document_id, code, name from (
        select a.document_id, a.code, a.name,
               row_number() over (partition by a.document_id order by case when a.locale = '${DEFAULT_LOCALE}' then 0 else 1 end, a.id) as rn
        from agencies a
      ) ranked where rn = 1
    ),
    fb as (
      select f.id, ${epochMs(db, 'f.created_at')} as created_ms, ${epochMs(db, 'f.responded_at')} as responded_ms,
             ${epochMs(db, 'f.due_at')} as due_ms, f.moderation_status, a.document_id as agency_document_id
      from feedbacks f
      left join ${agencyLink.table} l on l.${agencyLink.own} = f.id
      left join agencies a on a.id = l.${agencyLink.other}
      where f.moderation_status <> 'rejected'
    ),
    period as (
      select * from fb where created_ms >= ? and created_ms < ?
    ),
    answered as (
      select agency_document_id, (responded_ms - created_ms) / 86400000.0 as days,
             row_number() over (partition by agency_document_id order by responded_ms - created_ms) as rn,
             count(*) over (partition by agency_document_id) as n,
             row_number() over (order by responded_ms - created_ms) as all_rn,
             count(*) over () as all_n
      from period where responded_ms is not null
    )`;
};

const counts = (nowMs: number) => `
  count(*) as received,
  sum(case when responded_ms is not null and (due_ms is null or responded_ms <= due_ms) then 1 else 0 end) as on_time,
  sum(case when responded_ms is not null and due_ms is not null and responded_ms > due_ms then 1 else 0 end) as late,
  sum(case when responded_ms is null and moderation_status in (${OPEN_FEEDBACK_STATUSES.map((s) => `'${s}'`).join(', ')})
           and due_ms is not null and due_ms < ${Math.floor(nowMs)} then 1 else 0 end) as overdue`;

const toRow = (row: Record<string, unknown>): FeedbackRow => ({
  agencyDocumentId: (row.agency_document_id as string | null) ?? null,
  code: (row.code as string | null) ?? null,
  name: (row.name as string | null) ?? null,
  received: num(row.received),
  answeredOnTime: num(row.on_time),
  answeredLate: num(row.late),
  overdue: num(row.overdue),
  medianDaysToAnswer: row.median === null || row.median === undefined ? null : Math.round(Number(row.median) * 10) / 10,
});

const sameAgency = (a: string | null, b: string | null) => a === b;

/** The period's feedback in total (agency null) and per responding agency (null: not yet assigned). */
export const feedbackCoverage = async (strapi: Core.Strapi, period: Period, now: Date): Promise<{ total: FeedbackRow; byAgency: FeedbackRow[] }> => {
  const db = strapi.db.connection;
  const bounds = [period.fromMs, period.toMs];
  const countRows = rowsOf<Record<string, unknown>>(
    await db.raw(
      `${periodFeedback(strapi)}
      select p.agency_document_id, agency.code, agency.name, ${counts(now.getTime())}
      from period p left join agency on agency.document_id = p.agency_document_id
      group by p.agency_document_id, agency.code, agency.name`,
      bounds,
    ),
  );
  // Medians as the middle row(s) of each ordered group: portable (SQLite has no percentile_cont).
  const medianRows = rowsOf<Record<string, unknown>>(
    await db.raw(
      `${periodFeedback(strapi)}
      select 1 as level, agency_document_id, avg(days) as median from answered
      where rn in ((n + 1) / 2, (n + 2) / 2) group by agency_document_id
      union all
      select 0, null, avg(days) from answered where all_rn in ((all_n + 1) / 2, (all_n + 2) / 2)`,
      bounds,
    ),
  );
  const medianOf = (level: number, agency: string | null) =>
    medianRows.find((row) => num(row.level) === level && sameAgency((row.agency_document_id as string | null) ?? null, agency))?.median ?? null;
  const byAgency = countRows
    .map((row) => toRow({ ...row, median: medianOf(1, (row.agency_document_id as string | null) ?? null) }))
    .sort((a, b) => b.overdue - a.overdue || b.received - a.received || String(a.code ?? '~').localeCompare(String(b.code ?? '~')));
  const sum = (key: 'received' | 'answeredOnTime' | 'answeredLate' | 'overdue') => byAgency.reduce((total, row) => total + row[key], 0);
  const total: FeedbackRow = {
    agencyDocumentId: null,
    code: null,
    name: null,
    received: sum('received'),
    answeredOnTime: sum('answeredOnTime'),
    answeredLate: sum('answeredLate'),
    overdue: sum('overdue'),
    medianDaysToAnswer: toRow({ median: medianOf(0, null) }).medianDaysToAnswer,
  };
  return { total, byAgency };
};
