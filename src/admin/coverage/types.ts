/**
 * The public coverage API as the admin panel reads it (`GET /api/coverage`, `GET /api/coverage/history`,
 * README "Coverage"). Declared here rather than imported: the admin bundle must not pull in server code.
 */

export const STAGES = ['proposal', 'drafting', 'adopted', 'promulgated', 'implementing'] as const;
export type Stage = (typeof STAGES)[number];

export const ROLES = ['leader-in-charge', 'focal-point'] as const;
export type Role = (typeof ROLES)[number];

export type Ratio = { total: number; covered: number; percent: number | null };

export type FeedbackFigures = {
  received: number;
  answeredOnTime: number;
  answeredLate: number;
  overdue: number;
  medianDaysToAnswer: number | null;
};

export type Coverage = {
  generatedAt: string;
  period: { from: string; to: string };
  agencies: Ratio & {
    byKind: Record<string, Ratio>;
    missing: Array<{ documentId: string; code: string | null; name: string | null; kind: string | null; lacks: Role[] }>;
  };
  policies: {
    inScope: number;
    fullyCommunicated: number;
    percent: number | null;
    repealed?: number;
    byStage: Record<Stage, { reached: number; communicated: number; percent: number | null }>;
    byChannel: Record<string, { communicated: number; percent: number | null }>;
    gaps: Array<{ documentId: string; title: string | null; stage: string; missingStages: string[] }>;
    gapsTotal?: number;
  };
  consultations: {
    closed: number;
    withOutcome: number;
    percent: number | null;
    overdue: Array<{ documentId: string; title: string | null; closesAt: string; daysOverdue: number }>;
  };
  feedback: FeedbackFigures & {
    byAgency: Array<FeedbackFigures & { documentId: string | null; code: string | null; name: string | null }>;
  };
  channels: Record<string, { delivered: number; failed: number; dead: number }>;
};

export type HistoryMonth = { month: string; recordedOn: string | null; agenciesPercent: number | null; policiesPercent: number | null };
export type CoverageHistory = { generatedAt: string; months: HistoryMonth[] };

/** One channel of the publishing plugin's `GET /multichannel-publishing/channels` (only what this page shows). */
export type ChannelHealth = {
  name: string;
  label: { vi: string; en: string };
  enabled: boolean;
  configComplete: boolean;
  missing: string[];
  lastSuccessAt: string | null;
  failuresLast24h: number;
  backlog: number;
  dead?: number;
};

export type Period = { from?: string; to?: string };
