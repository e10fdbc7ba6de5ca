import type { Core } from '@strapi/strapi';
import { APPROVAL_TOPICS } from '../../../../../common/notifications';
import { PREFERENCE_UID } from '../constants';

/** What an admin user may switch off, as the API shows it. */
export type Preferences = { reviewRequests: boolean; reviewOutcomes: boolean };

export const DEFAULT_PREFERENCES: Preferences = { reviewRequests: true, reviewOutcomes: true };

/** Which switch governs a message topic; topics not listed here are not the admin's to switch off. */
const SWITCH_OF_TOPIC: Record<string, keyof Preferences> = {
  [APPROVAL_TOPICS.reviewRequested]: 'reviewRequests',
  [APPROVAL_TOPICS.approved]: 'reviewOutcomes',
  [APPROVAL_TOPICS.changesRequested]: 'reviewOutcomes',
};

type Row = Preferences & { id: number };

/** Admin users' notification preferences (one row per user that changed them). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(PREFERENCE_UID);
  const findRow = async (adminUserId: number) =>
    (await query().findOne({ select: ['id', 'reviewRequests', 'reviewOutcomes'], where: { adminUserId } })) as Row | null;
  const view = (row: Row | null): Preferences => ({
    reviewRequests: row ? Boolean(row.reviewRequests) : DEFAULT_PREFERENCES.reviewRequests,
    reviewOutcomes: row ? Boolean(row.reviewOutcomes) : DEFAULT_PREFERENCES.reviewOutcomes,
  });

  return {
    /** The user's preferences (the defaults when never changed). */
    async get(adminUserId: number): Promise<Preferences> {
      return view(await findRow(adminUserId));
    },

    /** Changes the given switches, keeps the others; returns the result. */
    async update(adminUserId: number, changes: Partial<Preferences>): Promise<Preferences> {
      const row = await findRow(adminUserId);
      const next = { ...view(row), ...changes };
      if (row) await query().update({ where: { id: row.id }, data: next });
      else await query().create({ data: { adminUserId, ...next } });
      return next;
    },

    /** Whether `adminUserId` switched off messages of `topic`. */
    async switchedOff(adminUserId: number, topic: string): Promise<boolean> {
      const key = SWITCH_OF_TOPIC[topic];
      if (!key) return false;
      return !(await this.get(adminUserId))[key];
    },
  };
};
