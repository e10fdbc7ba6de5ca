import type { Core } from '@strapi/strapi';
import {
  COMMUNICATING_EVENT_TYPES,
  OUTBOX_DELIVERIES_TABLE,
  OUTBOX_EVENTS_TABLE,
  outboxAvailable,
} from '../../../common/publishing-outbox';
import { CONSULTATION_DRAFT_UID, DEFAULT_LOCALE, POLICY_UID, RADIO_SCRIPT_UID } from '../../../common/uids';
import { STAGE_CHANGE_COMPONENT } from '../constants';
import { aggregate, epochMs, linkOf, listAgg, num, rowsOf, type Link } from './sql';

const quoted = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

/**
 * The common table expressions every policy figure is read from, one statement, no row in memory:
 * - `pol`: published policies in scope (issuer not the central government, or affecting people and
 *   businesses), one row per document (the default locale's), `repealed` ones left out;
 * - `hist`: their stage periods from `stageHistory` (each entry until the next one; a policy with
 *   no history has its current stage for all time);
 * - `delivered`: every `delivered` delivery of a publication (published / updated) of a policy, or of
 *   a consultation draft or radio script linked to one, with the publication's time and channel
 *   (read from the deliveries towards the links, never every draft or script: a row may repeat,
 *   `comm` is distinct);
 * - `comm`: (policy, stage, channel) where such a publication happened during the stage;
 * - `status`: each stage a policy reached (its history and its current stage), communicated or not.
 * Without the publishing plugin nothing was delivered: `delivered` is empty.
 */
const policyStatus = (strapi: Core.Strapi): string => {
  const db = strapi.db.connection;
  const history = linkOf(strapi, POLICY_UID, 'stageHistory');
  const draftPolicy = linkOf(strapi, CONSULTATION_DRAFT_UID, 'policy');
  const scriptPolicy = linkOf(strapi, RADIO_SCRIPT_UID, 'policy');
  const historyFilter = [
    history.typeColumn ? `and l.${history.typeColumn} = '${STAGE_CHANGE_COMPONENT}'` : '',
    history.field ? `and l.field = '${history.field}'` : '',
  ].join(' ');
  const at = epochMs(db, 'e.occurred_at');
  const events = quoted(COMMUNICATING_EVENT_TYPES);
  // A draft's or script's delivered publications, read from the deliveries towards their policy (a row may repeat).
  const linkedDeliveries = (table: string, link: Link, uid: string) => `
      select p.document_id, dv.channel, ${at}
      from ${OUTBOX_DELIVERIES_TABLE} dv
      join ${OUTBOX_EVENTS_TABLE} e on e.id = dv.event_id
      join ${table} t on t.document_id = dv.target_document_id
      join ${link.table} k on k.${link.own} = t.id
      join policies p on p.id = k.${link.other}
      where dv.status = 'delivered' and e.type in (${events}) and dv.target_uid = '${uid}'`;
  const delivered = outboxAvailable(strapi)
    ? `
      select dv.target_document_id as policy_document_id, dv.channel, ${at} as at_ms
      from ${OUTBOX_DELIVERIES_TABLE} dv join ${OUTBOX_EVENTS_TABLE} e on e.id = dv.event_id
      where dv.status = 'delivered' and e.type in (${events}) and dv.target_uid = '${POLICY_UID}'
      union all ${linkedDeliveries('consultation_drafts', draftPolicy, CONSULTATION_DRAFT_UID)}
      union all ${linkedDeliveries('radio_scripts', scriptPolicy, RADIO_SCRIPT_UID)}`
    : `select cast(null as varchar(255)) as policy_document_id, cast(null as varchar(255)) as channel, cast(null as real) as at_ms where 1 = 0`;
  const changedAt = epochMs(db, 'c.changed_at');
  return `
    with ranked as (
      select p.id, p.document_id, p.title, p.stage, p.issuer, p.affects_people_and_businesses as affects,
             row_number() over (partition by p.document_id order by case when p.locale = '${DEFAULT_LOCALE}' then 0 else 1 end, p.id) as rn
      from policies p where p.published_at is not null
    ),
    pol as (
      select id, document_id, title, stage from ranked
      where rn = 1 and stage <> 'repealed' and (issuer is null or issuer <> 'central-government' or affects is true)
    ),
    entries as (
      select pol.document_id, c.id as entry_id, c.stage, ${changedAt} as starts_ms
      from pol
      join ${history.table} l on l.${history.own} = pol.id ${historyFilter}
      join components_policy_stage_changes c on c.id = l.${history.other}
    ),
    with_history as (
      select distinct document_id from entries
    ),
    hist as (
      select document_id, stage, starts_ms,
             lead(starts_ms) over (partition by document_id order by starts_ms, entry_id) as ends_ms
      from entries
      union all
      select pol.document_id, pol.stage, null, null
      from pol left join with_history w on w.document_id = pol.document_id
      where w.document_id is null
    ),
    delivered as (${delivered}
    ),
    comm as (
      select distinct h.document_id, h.stage, dl.channel
      from hist h
      join delivered dl on dl.policy_document_id = h.document_id
        and (h.starts_ms is null or dl.at_ms >= h.starts_ms)
        and (h.ends_ms is null or dl.at_ms < h.ends_ms)
      where h.stage <> 'repealed'
    ),
    reached as (
      select document_id, stage from hist where stage <> 'repealed'
      union
      select document_id, stage from pol
    ),
    comm_stage as (
      select distinct document_id, stage from comm
    ),
    status as (
      select r.document_id, r.stage, case when c.document_id is null then 0 else 1 end as done
      from reached r left join comm_stage c on c.document_id = r.document_id and c.stage = r.stage
    )`;
};

export type PolicyTotals = { inScope: number; fullyCommunicated: number; repealed: number };
export type StageRow = { stage: string; reached: number; communicated: number };
export type ChannelRow = { channel: string; communicated: number };
export type GapRow = { documentId: string; title: string | null; stage: string; missingStages: string[] };
export type PolicyCoverage = { totals: PolicyTotals; stages: StageRow[]; channels: ChannelRow[]; reachedPairs: number; gaps: GapRow[] };

const gapSelect = (strapi: Core.Strapi, limit: number | null) => {
  const bounded = limit === null ? '' : ` limit ${Math.max(0, Math.floor(limit))}`;
  return `select pol.document_id, pol.title, pol.stage, ${listAgg(strapi.db.connection, 's.stage')} as missing
    from status s join pol on pol.document_id = s.document_id
    where s.done = 0
    group by pol.document_id, pol.title, pol.stage
    order by pol.title, pol.document_id${bounded}`;
};

const toGap = (row: Record<string, unknown>): GapRow => ({
  documentId: String(row.document_id),
  title: (row.title as string | null) ?? null,
  stage: String(row.stage),
  missingStages: String(row.missing ?? '').split(',').filter(Boolean),
});

/**
 * Every policy figure in one statement (the expressions above are computed once): rows tagged by
 * `kind` — totals, per stage, per channel, reached pairs, and the first `maxGaps` gaps. The first
 * branch types every column (PostgreSQL resolves a UNION's nulls pair by pair, as text otherwise).
 */
export const policyCoverage = async (strapi: Core.Strapi, maxGaps: number): Promise<PolicyCoverage> => {
  const result = await aggregate(strapi, `${policyStatus(strapi)},
    gaps as (${gapSelect(strapi, maxGaps)})
    select 'scope' as kind, cast(null as varchar(255)) as k, count(*) as n1, cast(null as bigint) as n2,
           cast(null as varchar(255)) as title, cast(null as text) as extra from pol
    union all
    select 'fully', null, count(*), null, null, null from (select document_id from status group by document_id having min(done) = 1) f
    union all
    select 'repealed', null, count(*), null, null, null from ranked
      where rn = 1 and stage = 'repealed' and (issuer is null or issuer <> 'central-government' or affects is true)
    union all
    select 'stage', stage, count(*), sum(done), null, null from status group by stage
    union all
    select 'channel', channel, count(*), null, null, null from comm group by channel
    union all
    select 'pairs', null, count(*), null, null, null from status
    union all
    select 'gap', document_id, null, null, title, missing || '|' || stage from gaps`);
  const rows = rowsOf<Record<string, unknown>>(result);
  const first = (kind: string) => num(rows.find((row) => row.kind === kind)?.n1);
  return {
    totals: { inScope: first('scope'), fullyCommunicated: first('fully'), repealed: first('repealed') },
    stages: rows.filter((row) => row.kind === 'stage').map((row) => ({ stage: String(row.k), reached: num(row.n1), communicated: num(row.n2) })),
    channels: rows.filter((row) => row.kind === 'channel').map((row) => ({ channel: String(row.k), communicated: num(row.n1) })),
    reachedPairs: first('pairs'),
    gaps: rows
      .filter((row) => row.kind === 'gap')
      .map((row) => {
        const extra = String(row.extra ?? '');
        const cut = extra.lastIndexOf('|');
        return toGap({ document_id: row.k, title: row.title, stage: extra.slice(cut + 1), missing: extra.slice(0, cut) });
      }),
  };
};

/** Policies with a reached stage not communicated, by title, at most `limit` (all when null). */
export const policyGaps = async (strapi: Core.Strapi, limit: number | null): Promise<GapRow[]> => {
  const result = await aggregate(strapi, `${policyStatus(strapi)} ${gapSelect(strapi, limit)}`);
  return rowsOf<Record<string, unknown>>(result).map(toGap);
};
