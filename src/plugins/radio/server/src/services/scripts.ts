import type { Core } from '@strapi/strapi';
import { permittedDocumentIds } from '../../../../../common/agency-scope';
import { forbiddenError, notFoundError } from '../../../../../common/errors';
import { CONTENT_MANAGER } from '../../../../../common/strapi-actions';
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
};
type RadioScriptService = { requestAudio: (documentId: string) => Promise<number> };

const audioView = (row: ScriptRow): AudioView => ({
  audioStatus: row.audioStatus ?? 'none',
  audioMessage: row.audioMessage,
  audio: row.audio ? { url: row.audio.url, mime: row.audio.mime, name: row.audio.name } : null,
});


const requireOn = (allowed: boolean) => {
  if (!allowed) throw forbiddenError('You may not use this radio script / Bạn không có quyền trên kịch bản phát thanh này');
};

/** Radio scripts as the admin tools see them: a policy's scripts, a script's audio, audio on demand. */
const scripts = ({ strapi }: { strapi: Core.Strapi }) => {
  const rowsOf = async (where: Record<string, unknown>): Promise<ScriptRow[]> =>
    (await strapi.db.query(RADIO_SCRIPT_UID).findMany({ where, populate: { audio: true }, orderBy: { updatedAt: 'desc' } })) as ScriptRow[];

  /**
   * Which scripts the viewer may take `action` on, with the role's conditions (a Contributor's "own
   * only", an agency's "in my agency" through the script's policy) applied in the database query.
   */
  const allowed = (ability: Ability, documentIds: string[], action: string) =>
    permittedDocumentIds(strapi, ability, RADIO_SCRIPT_UID, documentIds, action);

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
      const readable = await allowed(ability, [...byDocument.keys()], CONTENT_MANAGER.read);
      const result: PolicyScript[] = [];
      for (const { draft, published } of byDocument.values()) {
        const current = draft ?? published;
        if (!current || !readable.has(current.documentId)) continue;
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
      requireOn((await allowed(ability, [documentId], CONTENT_MANAGER.read)).has(documentId));
      return audioView(rows.find((row) => row.publishedAt) ?? rows[0]);
    },

    /** Queues the script's audio again (after an edit, or to retry a failure); rendering runs in the background. */
    async requestAudio(documentId: string, ability: Ability): Promise<RenderRequest> {
      const rows = await existingRows(documentId);
      requireOn((await allowed(ability, [documentId], CONTENT_MANAGER.update)).has(documentId));
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
