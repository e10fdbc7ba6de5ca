import type { Core } from '@strapi/strapi';
import { APPROVAL_TOPICS, DIGEST_TOPICS } from '../../../../../common/notifications';
import { PREFERENCE_UID } from '../constants';
import { PREFERENCE_SWITCHES as SWITCHES, type Preferences } from '../../../contracts';

export type { Preferences };

/** Every e-mail is on until the admin user switches it off. */
export const DEFAULT_PREFERENCES: Preferences = { reviewRequests: true, reviewOutcomes: true, overdueDigest: true };

/** Which switch governs a message topic; topics not listed here are not the admin's to switch off. */
const SWITCH_OF_TOPIC: Record<string, keyof Preferences> = {
  [APPROVAL_TOPICS.reviewRequested]: 'reviewRequests',
  [APPROVAL_TOPICS.approved]: 'reviewOutcomes',
  [APPROVAL_TOPICS.changesRequested]: 'reviewOutcomes',
  [DIGEST_TOPICS.overdueFeedback]: 'overdueDigest',
};

type Row = Preferences & { id: number };

/** Admin users' notification preferences (one row per user that changed them). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(PREFERENCE_UID);
  const findRow = async (adminUserId: number) =>
    (await query().findOne({ select: ['id', ...SWITCHES], where: { adminUserId } })) as Row | null;
  // A switch added after the row was written reads as null there: it keeps its default.
  const view = (row: Row | null): Preferences =>
    Object.fromEntries(SWITCHES.map((key) => [key, row && row[key] != null ? Boolean(row[key]) : DEFAULT_PREFERENCES[key]])) as Preferences;

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
