import type { Core, UID } from '@strapi/strapi';
import { STATE_UID, type Stage } from '../constants';
import type { Approval } from '../domain/state-machine';
import { conflictError } from '../../../../../common/errors';

/** One row of the plugin's state table: the current stage of one document locale. */
export type StateRow = {
  id: number;
  contentType: UID.ContentType;
  targetDocumentId: string;
  targetLocale: string;
  stage: Stage;
  version: number;
  submittedById: number | null;
  submittedAt: string | null;
  contentHash: string | null;
  approvals: Approval[] | null;
  lastAction: string | null;
  stageChangedAt: string | null;
};

export type Target = { uid: UID.ContentType; documentId: string; locale: string };

export type StateChange = Pick<StateRow, 'stage' | 'submittedById' | 'contentHash' | 'lastAction'> & {
  approvals: Approval[];
  submittedAt?: string | null;
  stageChanged: boolean;
};

const UNIQUE_VIOLATIONS = new Set(['23505', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT']);

const concurrentChange = (target: Target) =>
  conflictError('The approval state of this document changed at the same time; reload and try again.', { ...target });

/** Reads and writes the state table. Writes are compare-and-set on `version` so concurrent transitions cannot both win. */
const states = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(STATE_UID);
  const whereTarget = ({ uid, documentId, locale }: Target) => ({ contentType: uid, targetDocumentId: documentId, targetLocale: locale });

  return {
    /** The state row of one document locale, or null when it never entered the workflow. */
    async find(target: Target): Promise<StateRow | null> {
      return (await query().findOne({ where: whereTarget(target) })) as StateRow | null;
    },

    /** All state rows of a document (every locale). */
    async findForDocument(uid: UID.ContentType, documentId: string): Promise<StateRow[]> {
      return (await query().findMany({ where: { contentType: uid, targetDocumentId: documentId } })) as StateRow[];
    },

    /** State rows in the given stages, oldest stage change first. */
    async findInStages(stages: Stage[], uids: UID.ContentType[]): Promise<StateRow[]> {
      if (stages.length === 0 || uids.length === 0) return [];
      return (await query().findMany({
        where: { stage: { $in: stages }, contentType: { $in: uids } },
        orderBy: [{ stageChangedAt: 'asc' }, { id: 'asc' }],
      })) as StateRow[];
    },

    /** Writes the next state, failing with 409 if another transition got there first. */
    async save(target: Target, existing: StateRow | null, change: StateChange, now: Date): Promise<void> {
      const { stageChanged, ...fields } = change;
      const data = {
        ...fields,
        ...(stageChanged || !existing ? { stageChangedAt: now } : {}),
      };
      if (existing) {
        const { count } = (await query().updateMany({
          where: { id: existing.id, version: existing.version },
          data: { ...data, version: existing.version + 1 },
        })) as { count: number };
        if (count !== 1) throw concurrentChange(target);
        return;
      }
      try {
        await query().create({ data: { ...whereTarget(target), ...data, version: 1 } });
      } catch (error) {
        const code = (error as { code?: string }).code ?? '';
        if (UNIQUE_VIOLATIONS.has(code)) throw concurrentChange(target);
        throw error;
      }
    },

    /** Forgets the current stage of deleted document locales (their audit trail stays). */
    async remove(uid: UID.ContentType, documentId: string, locales: string[]): Promise<void> {
      if (locales.length === 0) return;
      await query().deleteMany({ where: { contentType: uid, targetDocumentId: documentId, targetLocale: { $in: locales } } });
    },
  };
};

export default states;
