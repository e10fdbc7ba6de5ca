import type { Core } from '@strapi/strapi';
import { csvWithBom, neutralizeFormula } from '../../feedback/services/export';
import { BUILT_IN_CHANNEL_NAMES, outboxAvailable } from '../../../common/publishing-outbox';
import { REQUIRED_ROLES, STAGES, type RequiredRole, type Stage } from '../constants';
import { addDays, dayIn, startOfDay } from '../dates';
import { agencyCoverageByKind, missingAgencies } from '../queries/agency-coverage';
import { channelActivity } from '../queries/channel-activity';
import { consultationTotals, overdueOutcomes } from '../queries/consultation-coverage';
import { feedbackCoverage, type FeedbackRow } from '../queries/feedback-coverage';
import { policyCoverage, policyGaps } from '../queries/policy-coverage';
import { percent } from '../queries/sql';
import { coverageSettings } from '../settings';

/** Days in the default period (ending today): a rolling year. */
const DEFAULT_PERIOD_DAYS = 365;

type Ratio = { total: number; covered: number; percent: number | null };
type FeedbackFigures = Omit<FeedbackRow, 'agencyDocumentId' | 'code' | 'name'>;

/** The answer of `GET /api/coverage` (README: "Coverage"). No personal data: agencies, published titles, counts. */
export type Coverage = {
  generatedAt: string;
  period: { from: string; to: string };
  agencies: Ratio & {
    byKind: Record<string, Ratio>;
    missing: Array<{ documentId: string; code: string | null; name: string | null; kind: string | null; lacks: RequiredRole[] }>;
  };
  policies: {
    inScope: number;
    fullyCommunicated: number;
    percent: number | null;
    repealed: number;
    byStage: Record<Stage, { reached: number; communicated: number; percent: number | null }>;
    byChannel: Record<string, { communicated: number; percent: number | null }>;
    gaps: Array<{ documentId: string; title: string | null; stage: string; missingStages: string[] }>;
    gapsTotal: number;
  };
  consultations: {
    closed: number;
    withOutcome: number;
    percent: number | null;
    overdue: Array<{ documentId: string; title: string | null; closesAt: string; daysOverdue: number }>;
  };
  feedback: FeedbackFigures & { byAgency: Array<FeedbackFigures & { documentId: string | null; code: string | null; name: string | null }> };
  channels: Record<string, { delivered: number; failed: number; dead: number }>;
};

export type Headline = { agencies: Ratio; policies: { inScope: number; fullyCommunicated: number; percent: number | null } };

const byStageOrder = (stages: string[]) => [...stages].sort((a, b) => STAGES.indexOf(a as Stage) - STAGES.indexOf(b as Stage));

const figures = (row: FeedbackRow): FeedbackFigures => ({
  received: row.received,
  answeredOnTime: row.answeredOnTime,
  answeredLate: row.answeredLate,
  overdue: row.overdue,
  medianDaysToAnswer: row.medianDaysToAnswer,
});

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => coverageSettings(strapi);

  /** The period asked for, or the year ending today, as days and instants (to is inclusive). */
  const periodOf = (query: { from?: string; to?: string }, now: Date) => {
    const { timeZone } = settings();
    const to = query.to ?? dayIn(now, timeZone);
    const from = query.from ?? addDays(to, -(DEFAULT_PERIOD_DAYS - 1));
    return { from, to, fromMs: startOfDay(from, timeZone), toMs: startOfDay(addDays(to, 1), timeZone) };
  };

  const agencyRatio = async () => {
    const kinds = await agencyCoverageByKind(strapi);
    const total = kinds.reduce((sum, row) => sum + row.total, 0);
    const covered = kinds.reduce((sum, row) => sum + row.covered, 0);
    const byKind = Object.fromEntries(kinds.map((row) => [row.kind, { total: row.total, covered: row.covered, percent: percent(row.covered, row.total) }]));
    return { total, covered, percent: percent(covered, total), byKind };
  };

  return {
    /** The two headline figures only (what the daily history records). */
    async headline(): Promise<Headline> {
      const { total, covered, percent: agencyPercent } = await agencyRatio();
      const { totals } = await policyCoverage(strapi, 0);
      return {
        agencies: { total, covered, percent: agencyPercent },
        policies: { inScope: totals.inScope, fullyCommunicated: totals.fullyCommunicated, percent: percent(totals.fullyCommunicated, totals.inScope) },
      };
    },

    /** Every coverage figure, computed in the database (a handful of aggregate queries). */
    async summary(query: { from?: string; to?: string }, now = new Date()): Promise<Coverage> {
      const { maxGaps, outcomeDays } = settings();
      const period = periodOf(query, now);
      const publishing = outboxAvailable(strapi);
      // Independent reads: on PostgreSQL each takes its own pooled connection, so the two heavy ones
      // (policies, feedback) run side by side; SQLite's single connection takes them in turn.
      const [agencies, missing, policy, consultations, overdue, feedback, activity] = await Promise.all([
        agencyRatio(),
        missingAgencies(strapi),
        policyCoverage(strapi, maxGaps),
        consultationTotals(strapi, now),
        overdueOutcomes(strapi, now, outcomeDays, maxGaps),
        feedbackCoverage(strapi, period, now),
        publishing ? channelActivity(strapi, period) : Promise.resolve([]),
      ]);
      const { totals, stages, channels: channelRows, reachedPairs, gaps } = policy;
      const channelPairs = { rows: channelRows, reachedPairs };
      const channelNames = publishing
        ? [...new Set<string>([...BUILT_IN_CHANNEL_NAMES, ...activity.map((row) => row.channel), ...channelPairs.rows.map((row) => row.channel)])]
        : [];

      const byStage = Object.fromEntries(
        STAGES.map((stage) => {
          const row = stages.find((candidate) => candidate.stage === stage) ?? { reached: 0, communicated: 0 };
          return [stage, { reached: row.reached, communicated: row.communicated, percent: percent(row.communicated, row.reached) }];
        }),
      ) as Coverage['policies']['byStage'];

      return {
        generatedAt: now.toISOString(),
        period: { from: period.from, to: period.to },
        agencies: {
          ...agencies,
          missing: missing.map((row) => ({
            documentId: row.documentId,
            code: row.code,
            name: row.name,
            kind: row.kind,
            lacks: REQUIRED_ROLES.filter((role) => (role === 'leader-in-charge' ? !row.hasLeader : !row.hasFocal)),
          })),
        },
        policies: {
          inScope: totals.inScope,
          fullyCommunicated: totals.fullyCommunicated,
          percent: percent(totals.fullyCommunicated, totals.inScope),
          repealed: totals.repealed,
          byStage,
          byChannel: Object.fromEntries(
            channelNames.map((name) => {
              const communicated = channelPairs.rows.find((row) => row.channel === name)?.communicated ?? 0;
              return [name, { communicated, percent: percent(communicated, channelPairs.reachedPairs) }];
            }),
          ),
          gaps: gaps.map((gap) => ({ ...gap, missingStages: byStageOrder(gap.missingStages) })),
          gapsTotal: totals.inScope - totals.fullyCommunicated,
        },
        consultations: {
          closed: consultations.closed,
          withOutcome: consultations.withOutcome,
          percent: percent(consultations.withOutcome, consultations.closed),
          overdue: overdue.map((row) => ({
            ...row,
            daysOverdue: Math.floor((now.getTime() - Date.parse(row.closesAt)) / 86_400_000) - outcomeDays,
          })),
        },
        feedback: {
          ...figures(feedback.total),
          byAgency: feedback.byAgency.map((row) => ({ documentId: row.agencyDocumentId, code: row.code, name: row.name, ...figures(row) })),
        },
        channels: Object.fromEntries(
          channelNames.map((name) => {
            const row = activity.find((candidate) => candidate.channel === name);
            return [name, { delivered: row?.delivered ?? 0, failed: row?.failed ?? 0, dead: row?.dead ?? 0 }];
          }),
        ),
      };
    },

    /**
     * The two gap lists as CSV (UTF-8 with BOM, CRLF): agencies missing a role, then every policy
     * with a stage not communicated. Columns: list, id (agency code / policy documentId), name,
     * kind or stage, what is missing (`;`-separated).
     */
    async gapsCsv(): Promise<string> {
      const missing = await missingAgencies(strapi);
      const gaps = await policyGaps(strapi, null);
      const records: string[][] = [['list', 'id', 'name', 'kind_or_stage', 'missing']];
      for (const row of missing) {
        const lacks = REQUIRED_ROLES.filter((role) => (role === 'leader-in-charge' ? !row.hasLeader : !row.hasFocal));
        records.push(['agency', row.code ?? row.documentId, row.name ?? '', row.kind ?? '', lacks.join(';')]);
      }
      for (const gap of gaps) records.push(['policy', gap.documentId, gap.title ?? '', gap.stage, byStageOrder(gap.missingStages).join(';')]);
      return csvWithBom(records.map((record) => record.map(neutralizeFormula)));
    },
  };
};
