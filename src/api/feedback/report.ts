import type { Disposition, ReportRow, SubmitterType } from '../../common/feedback';
import { cleanLine, contentGroupKey } from './text';

/**
 * The table of the report on how a draft's feedback was taken in (báo cáo tổng hợp, tiếp thu,
 * giải trình), as pure functions: who (never a citizen's identity), the summary, the Vietnamese
 * disposition, and duplicates grouped into one row.
 */

export const DISPOSITION_LABELS: Record<Disposition | 'none', string> = {
  accepted: 'Tiếp thu',
  'partially-accepted': 'Tiếp thu một phần',
  'not-accepted': 'Không tiếp thu',
  noted: 'Ghi nhận',
  none: 'Chưa xử lý',
};

export const CATEGORY_LABELS: Record<string, string> = { comment: 'Góp ý', recommendation: 'Kiến nghị', difficulty: 'Khó khăn, vướng mắc', question: 'Câu hỏi' };
export const SUBMITTER_LABELS: Record<SubmitterType, string> = { citizen: 'Người dân', business: 'Doanh nghiệp', organization: 'Tổ chức' };

/** What an individual's row says instead of who they are. */
export const CITIZEN_LABEL = 'Ý kiến người dân';

/** A comment longer than this (code points) is cut at a word boundary in the table. */
export const SUMMARY_LENGTH = 400;

export type ReportFeedback = {
  id: number;
  content: string;
  submitterType: SubmitterType | string;
  organizationName?: string | null;
  disposition?: Disposition | null;
  explanation?: string | null;
  provision?: string | null;
};

/** The comment on one line, cut at the last space before `max` code points with an ellipsis. */
export const summarize = (content: string, max: number = SUMMARY_LENGTH): string => {
  const line = cleanLine(content).trim();
  const chars = [...line];
  if (chars.length <= max) return line;
  const cut = chars.slice(0, max).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
};

/**
 * Who sent a row's feedback: organisation names (businesses, organisations) and "Ý kiến người
 * dân" for individuals, whose name, e-mail and phone never appear; " (n ý kiến)" when several.
 */
export const whoOf = (members: readonly ReportFeedback[]): string => {
  const names: string[] = [];
  let citizens = false;
  for (const member of members) {
    if (member.submitterType === 'business' || member.submitterType === 'organization') {
      const name = cleanLine(member.organizationName ?? '').trim() || SUBMITTER_LABELS[member.submitterType];
      if (!names.includes(name)) names.push(name);
    } else {
      citizens = true;
    }
  }
  const who = [...names, ...(citizens ? [CITIZEN_LABEL] : [])].join('; ');
  return members.length > 1 ? `${who} (${members.length} ý kiến)` : who;
};

/**
 * The rows of the table, in order of the first feedback of each row: feedback with the same
 * content (`contentGroupKey`) and the same disposition, provision and explanation are one row.
 */
export const reportRows = (feedback: readonly ReportFeedback[]): ReportRow[] => {
  const groups = new Map<string, ReportFeedback[]>();
  for (const row of [...feedback].sort((a, b) => a.id - b.id)) {
    const key = [contentGroupKey(row.content), row.disposition ?? '', row.provision ?? '', row.explanation ?? ''].join('\u0000');
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()].map((members, index) => {
    const [first] = members;
    return {
      number: index + 1,
      who: whoOf(members),
      summary: summarize(first.content),
      count: members.length,
      provision: first.provision?.trim() ?? '',
      disposition: first.disposition ?? null,
      dispositionLabel: DISPOSITION_LABELS[first.disposition ?? 'none'],
      explanation: first.explanation?.trim() ?? '',
    };
  });
};

/**
 * "ngày 07 tháng 12 năm 2026" in Vietnam's time zone, per Decree 30/2020: days below 10 and the
 * months January and February are written with a leading zero.
 */
export const vietnameseDate = (now: Date): string => {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: 'numeric', month: 'numeric', year: 'numeric' }).formatToParts(now);
  const part = (type: string) => Number(parts.find((item) => item.type === type)?.value);
  const day = part('day');
  const month = part('month');
  return `ngày ${String(day).padStart(2, '0')} tháng ${month < 3 ? String(month).padStart(2, '0') : month} năm ${part('year')}`;
};
