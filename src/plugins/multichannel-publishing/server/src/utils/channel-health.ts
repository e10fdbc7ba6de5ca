import type { ChannelHealthReason, ChannelHealthView } from '../../../contracts';
import type { DeliveryStatus } from '../constants';

export type HealthSettings = {
  /** This many newest attempted deliveries all failed → failing. */
  failingAfter: number;
  /** How many newest attempted deliveries are looked at for `degraded`. */
  recentWindow: number;
  /** Nothing delivered for this long while deliveries wait → failing. */
  stalledAfterMs: number;
};

export type HealthInputs = {
  configComplete: boolean;
  missing: string[];
  /** The newest attempted deliveries first (delivered, failed or dead), with their last error. */
  recent: Array<{ status: DeliveryStatus; lastError: string | null }>;
  waiting: number;
  oldestWaitingAt: Date | null;
  lastSuccessAt: Date | null;
  now: Date;
};

const FAILED: ReadonlySet<DeliveryStatus> = new Set(['failed', 'dead']);

/** The most frequent error text, the newest winning a tie. */
const mostCommon = (errors: Array<string | null>): { text: string | null; count: number } => {
  const counts = new Map<string, number>();
  for (const error of errors) if (error) counts.set(error, (counts.get(error) ?? 0) + 1);
  let best: { text: string | null; count: number } = { text: null, count: 0 };
  for (const [text, count] of counts) if (count > best.count) best = { text, count };
  return best;
};

/** The reason in Vietnamese and English, e.g. "28 bài gần nhất đều lỗi: …". */
export const healthText = (reason: ChannelHealthReason | null): { vi: string; en: string } | null => {
  if (!reason) return null;
  switch (reason.kind) {
    case 'unconfigured':
      return { vi: `Chưa cấu hình đủ: thiếu ${reason.missing.join(', ')}`, en: `Not configured: missing ${reason.missing.join(', ')}` };
    case 'stalled':
      return {
        vi: `Không phát hành được bài nào trong ${reason.minutes} phút qua; ${reason.waiting} bài đang chờ`,
        en: `Nothing delivered for ${reason.minutes} minutes; ${reason.waiting} waiting`,
      };
    case 'failures': {
      const error = reason.commonError ? `: ${reason.commonError}` : '';
      if (reason.failed > 0 && reason.failed === reason.of) {
        return {
          vi: `${reason.consecutive} bài gần nhất đều lỗi${error}`,
          en: `The last ${reason.consecutive} deliveries all failed${error}`,
        };
      }
      return {
        vi: `${reason.failed}/${reason.of} bài gần nhất bị lỗi${error}`,
        en: `${reason.failed} of the last ${reason.of} deliveries failed${error}`,
      };
    }
    default:
      return null;
  }
};

/**
 * A channel's health from its recent deliveries. Deliveries keep only their latest outcome, so "the
 * last N attempts" are the N deliveries attempted most recently: a retried one counts once, by its
 * latest attempt, and one sent back to the queue by hand no longer counts until it is attempted again.
 */
export const assessHealth = (inputs: HealthInputs, settings: HealthSettings): ChannelHealthView => {
  const view = (state: ChannelHealthView['state'], reason: ChannelHealthReason | null): ChannelHealthView => ({ state, reason, text: healthText(reason) });
  if (!inputs.configComplete) return view('unconfigured', { kind: 'unconfigured', missing: inputs.missing });

  let consecutive = 0;
  while (consecutive < inputs.recent.length && FAILED.has(inputs.recent[consecutive].status)) consecutive += 1;
  if (consecutive >= settings.failingAfter) {
    const common = mostCommon(inputs.recent.slice(0, consecutive).map((row) => row.lastError));
    return view('failing', { kind: 'failures', consecutive, failed: consecutive, of: consecutive, commonError: common.text, commonErrorCount: common.count });
  }

  const waitedMs = inputs.oldestWaitingAt ? inputs.now.getTime() - inputs.oldestWaitingAt.getTime() : 0;
  const quietMs = inputs.lastSuccessAt ? inputs.now.getTime() - inputs.lastSuccessAt.getTime() : Number.POSITIVE_INFINITY;
  if (inputs.waiting > 0 && inputs.oldestWaitingAt && waitedMs >= settings.stalledAfterMs && quietMs >= settings.stalledAfterMs) {
    return view('failing', {
      kind: 'stalled',
      waiting: inputs.waiting,
      waitingSince: inputs.oldestWaitingAt.toISOString(),
      minutes: Math.floor(Math.min(waitedMs, quietMs) / 60_000),
    });
  }

  const window = inputs.recent.slice(0, settings.recentWindow);
  const failures = window.filter((row) => FAILED.has(row.status));
  if (failures.length > 0) {
    const common = mostCommon(failures.map((row) => row.lastError));
    return view('degraded', { kind: 'failures', consecutive, failed: failures.length, of: window.length, commonError: common.text, commonErrorCount: common.count });
  }
  return view('ok', null);
};
