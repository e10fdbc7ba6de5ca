/**
 * The bulletin format of the provincial source information system (hệ thống thông tin nguồn).
 * The national specification is not public: this file is the only place that knows the field
 * names, so the real format replaces it without touching the channel or the dispatcher.
 */

export type BulletinMetadata = {
  id: string;
  title: string;
  language: string;
  priority: 'normal' | 'priority' | 'emergency';
  broadcastFrom: string | null;
  broadcastUntil: string | null;
  repeatCount: number;
  estimatedSeconds: number | null;
  policy: { documentId: string; title: string; documentNumber: string | null } | null;
  script: string;
};

type Snapshot = Record<string, unknown>;

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const PRIORITIES = new Set(['normal', 'priority', 'emergency']);

/** The `metadata` part of `POST {url}/bulletins`, from a published radio script's snapshot. */
export const bulletinMetadata = (documentId: string, snapshot: Snapshot): BulletinMetadata => {
  const policy = snapshot.policy as Snapshot | null | undefined;
  const priority = String(snapshot.priority ?? 'normal');
  return {
    id: documentId,
    title: text(snapshot.title) ?? '',
    language: text(snapshot.language) ?? 'vi',
    priority: (PRIORITIES.has(priority) ? priority : 'normal') as BulletinMetadata['priority'],
    broadcastFrom: text(snapshot.broadcastFrom),
    broadcastUntil: text(snapshot.broadcastUntil),
    repeatCount: Number(snapshot.repeatCount ?? 1) || 1,
    estimatedSeconds: typeof snapshot.estimatedSeconds === 'number' ? snapshot.estimatedSeconds : null,
    policy: policy
      ? { documentId: String(policy.documentId ?? ''), title: text(policy.title) ?? '', documentNumber: text(policy.documentNumber) }
      : null,
    script: text(snapshot.script) ?? '',
  };
};

/** Queue priority of a bulletin: emergency bulletins jump the dispatcher's queue (Circular 39/2020/TT-BTTTT). */
export const bulletinQueuePriority = (snapshot: Snapshot | null): number => {
  switch (snapshot?.priority) {
    case 'emergency':
      return 100;
    case 'priority':
      return 50;
    default:
      return 0;
  }
};

export const BULLETINS_PATH = '/bulletins';
export const bulletinPath = (id: string) => `${BULLETINS_PATH}/${encodeURIComponent(id)}`;
