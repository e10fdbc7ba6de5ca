import type { Core } from '@strapi/strapi';
import { forbiddenError, notFoundError } from '../../../../../common/errors';
import { POLICY_UID, RADIO_SCRIPT_UID } from '../../../../../common/uids';
import type { AudioStatus, AudioView, PolicyScript, RenderRequest } from '../../../contracts';
import { AUDIO_REQUESTED_EVENT } from '../constants';

/** The admin user's abilities, as Strapi's admin authentication puts them in `ctx.state.userAbility`. */
export type Ability = { can: (action: string, subject?: string) => boolean };

type ScriptRow = {
  documentId: string;
  title: string;
  language: string;
  priority: string;
  estimatedSeconds: number | null;
  audioStatus: AudioStatus | null;
  audioMessage: string | null;
  generated: boolean | null;
  publishedAt: string | null;
  updatedAt: string;
  audio?: { url: string; mime: string; name: string } | null;
  createdBy?: { id: number } | null;
};
type Checker = { can: Record<'read' | 'update', (entity: ScriptRow) => boolean> };
type RadioScriptService = { requestAudio: (documentId: string) => Promise<number> };

const audioView = (row: ScriptRow): AudioView => ({
  audioStatus: row.audioStatus ?? 'none',
  audioMessage: row.audioMessage,
  audio: row.audio ? { url: row.audio.url, mime: row.audio.mime, name: row.audio.name } : null,
});

/** The row a permission is checked on: the draft, which is what an editor edits. */
const editedRow = (rows: ScriptRow[]) => rows.find((row) => !row.publishedAt) ?? rows[0];

const requireOn = (allowed: boolean) => {
  if (!allowed) throw forbiddenError('You may not use this radio script / Bạn không có quyền trên kịch bản phát thanh này');
};

/** Radio scripts as the admin tools see them: a policy's scripts, a script's audio, audio on demand. */
const scripts = ({ strapi }: { strapi: Core.Strapi }) => {
  // The author is loaded so that conditional permissions (a Contributor's "own only") can be checked per script.
  const rowsOf = async (where: Record<string, unknown>): Promise<ScriptRow[]> =>
    (await strapi.db.query(RADIO_SCRIPT_UID).findMany({
      where,
      populate: { audio: true, createdBy: { select: ['id'] } },
      orderBy: { updatedAt: 'desc' },
    })) as ScriptRow[];

  /** The content manager's own checker: it applies the role's conditions to a loaded script. */
  const checkerFor = (ability: Ability): Checker =>
    strapi.plugin('content-manager').service('permission-checker').create({ userAbility: ability, model: RADIO_SCRIPT_UID });

  const existingRows = async (documentId: string): Promise<ScriptRow[]> => {
    const rows = await rowsOf({ documentId });
    if (rows.length === 0) throw notFoundError('Radio script not found');
    return rows;
  };

  return {
    /** The scripts of a policy the viewer may read, one entry per script (its published state and its draft). */
    async forPolicy(policyDocumentId: string, ability: Ability): Promise<PolicyScript[]> {
      const policy = await strapi.db.query(POLICY_UID).findOne({ where: { documentId: policyDocumentId }, select: ['id'] });
      if (!policy) throw notFoundError('Policy not found');
      const rows = await rowsOf({ policy: { documentId: policyDocumentId } });
      const byDocument = new Map<string, { draft?: ScriptRow; published?: ScriptRow }>();
      for (const row of rows) {
        const entry = byDocument.get(row.documentId) ?? {};
        if (row.publishedAt) entry.published = row;
        else entry.draft = row;
        byDocument.set(row.documentId, entry);
      }
      const checker = checkerFor(ability);
      const result: PolicyScript[] = [];
      for (const { draft, published } of byDocument.values()) {
        const current = draft ?? published;
        if (!current || !checker.can.read(current)) continue;
        result.push({
          documentId: current.documentId,
          title: current.title,
          language: current.language,
          priority: current.priority,
          estimatedSeconds: current.estimatedSeconds,
          generated: Boolean(current.generated),
          published: Boolean(published),
          updatedAt: current.updatedAt,
          ...audioView(published ?? current),
        });
      }
      return result;
    },

    /** Where a script's audio stands (the published version's, once there is one). */
    async audio(documentId: string, ability: Ability): Promise<AudioView> {
      const rows = await existingRows(documentId);
      requireOn(checkerFor(ability).can.read(editedRow(rows)));
      return audioView(rows.find((row) => row.publishedAt) ?? rows[0]);
    },

    /** Queues the script's audio again (after an edit, or to retry a failure); rendering runs in the background. */
    async requestAudio(documentId: string, ability: Ability): Promise<RenderRequest> {
      const rows = await existingRows(documentId);
      requireOn(checkerFor(ability).can.update(editedRow(rows)));
      if (rows.some((row) => row.audioStatus === 'rendering')) return { audioStatus: 'rendering' };
      // Strapi types an app service as its generic `Core.Service`; the radio-script service defines `requestAudio`.
      const service = strapi.service(RADIO_SCRIPT_UID) as unknown as RadioScriptService;
      await service.requestAudio(documentId);
      strapi.eventHub.emit(AUDIO_REQUESTED_EVENT, { documentId });
      return { audioStatus: 'pending' };
    },
  };
};

export default scripts;
