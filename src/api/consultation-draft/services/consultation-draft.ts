import { factories } from '@strapi/strapi';
import { consultationStatus } from '../../../lib/consultation-status';
import { CONSULTATION_DRAFT_UID } from '../../../common/uids';

type Window = { id: number; opensAt?: string | null; closesAt?: string | null };
type Entry = Record<string, unknown> & { id?: number };

export default factories.createCoreService(CONSULTATION_DRAFT_UID, ({ strapi }) => ({
  /** Adds `consultationStatus` to one entry or a list; looks up the window when `fields` left it out. */
  async withConsultationStatus<T extends Entry | Entry[] | null>(data: T): Promise<T> {
    if (!data) return data;
    const entries = (Array.isArray(data) ? data : [data]) as Entry[];
    const missing = entries
      .filter((entry) => !('opensAt' in entry && 'closesAt' in entry) && entry.id !== undefined)
      .map((entry) => entry.id as number);
    const windows = new Map<number, Window>();
    if (missing.length > 0) {
      const rows = (await strapi.db.query(CONSULTATION_DRAFT_UID).findMany({
        select: ['id', 'opensAt', 'closesAt'],
        where: { id: { $in: missing } },
      })) as Window[];
      for (const row of rows) windows.set(row.id, row);
    }
    const now = new Date();
    const withStatus = entries.map((entry) => {
      const window = 'opensAt' in entry ? (entry as Window) : windows.get(entry.id as number);
      return { ...entry, consultationStatus: consultationStatus(window?.opensAt, window?.closesAt, now) };
    });
    // T is the caller's entry shape; the spread keeps it and only adds `consultationStatus`.
    return (Array.isArray(data) ? withStatus : withStatus[0]) as unknown as T;
  },
}));
