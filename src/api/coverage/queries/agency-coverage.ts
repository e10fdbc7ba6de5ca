import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE, FOCAL_POINT_UID } from '../../../common/uids';
import { linkOf, num, rowsOf } from './sql';

export type AgencyKindRow = { kind: string; total: number; covered: number };
export type MissingAgencyRow = { documentId: string; code: string | null; name: string | null; kind: string | null; hasLeader: boolean; hasFocal: boolean };

/**
 * Active agencies (one per document: the default-locale name) with whether an active focal point
 * holds each required role; `active` left empty counts as active, like the schema's default.
 */
const agencyRoles = (strapi: Core.Strapi) => {
  const lnk = linkOf(strapi, FOCAL_POINT_UID, 'agency');
  return `
    with agency as (
      select document_id, code, name, kind from (
        select a.document_id, a.code, a.name, a.kind,
               row_number() over (partition by a.document_id order by case when a.locale = '${DEFAULT_LOCALE}' then 0 else 1 end, a.id) as rn
        from agencies a where a.active is not false
      ) ranked where rn = 1
    ),
    roles as (
      select a.document_id, fp.role
      from focal_points fp
      join ${lnk.table} l on l.${lnk.own} = fp.id
      join agencies a on a.id = l.${lnk.other}
      where fp.active is not false and fp.role in ('leader-in-charge', 'focal-point')
      group by a.document_id, fp.role
    ),
    per_agency as (
      select agency.document_id, agency.code, agency.name, agency.kind,
             max(case when roles.role = 'leader-in-charge' then 1 else 0 end) as has_leader,
             max(case when roles.role = 'focal-point' then 1 else 0 end) as has_focal
      from agency left join roles on roles.document_id = agency.document_id
      group by agency.document_id, agency.code, agency.name, agency.kind
    )`;
};

/** Active agencies and covered ones, per kind. */
export const agencyCoverageByKind = async (strapi: Core.Strapi): Promise<AgencyKindRow[]> => {
  const result = await strapi.db.connection.raw(`${agencyRoles(strapi)}
    select kind, count(*) as total, sum(case when has_leader = 1 and has_focal = 1 then 1 else 0 end) as covered
    from per_agency group by kind order by kind`);
  return rowsOf<Record<string, unknown>>(result).map((row) => ({ kind: String(row.kind ?? 'other'), total: num(row.total), covered: num(row.covered) }));
};

/** Active agencies lacking a leader in charge or a focal point, by kind then code. */
export const missingAgencies = async (strapi: Core.Strapi): Promise<MissingAgencyRow[]> => {
  const result = await strapi.db.connection.raw(`${agencyRoles(strapi)}
    select document_id, code, name, kind, has_leader, has_focal from per_agency
    where has_leader = 0 or has_focal = 0 order by kind, code, document_id`);
  return rowsOf<Record<string, unknown>>(result).map((row) => ({
    documentId: String(row.document_id),
    code: (row.code as string | null) ?? null,
    name: (row.name as string | null) ?? null,
    kind: (row.kind as string | null) ?? null,
    hasLeader: num(row.has_leader) === 1,
    hasFocal: num(row.has_focal) === 1,
  }));
};
