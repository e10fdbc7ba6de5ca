import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { AUDIO_REQUESTED_EVENT, CM_ACTIONS, POLICY_UID, RADIO_SCRIPT_UID } from '../constants';

type Ability = { can: (action: string, subject?: string) => boolean };
type Context = { params: Record<string, string>; state: { userAbility?: Ability }; status: number; body: unknown };
type ScriptRow = {
  documentId: string;
  title: string;
  language: string;
  priority: string;
  estimatedSeconds: number | null;
  audioStatus: string | null;
  audioMessage: string | null;
  generated: boolean | null;
  publishedAt: string | null;
  updatedAt: string;
  audio?: { url: string; mime: string; name: string } | null;
  createdBy?: { id: number } | null;
};
type Checker = { can: Record<'read' | 'update', (entity: ScriptRow) => boolean> };

const params = z.object({ documentId: z.string().min(1).max(64).regex(/^[a-z0-9]+$/) });

const requirePermission = (ctx: Context, action: string) => {
  if (!ctx.state.userAbility?.can(action, RADIO_SCRIPT_UID)) {
    throw new errors.PolicyError('You need the radio script permission for this action / Bạn cần quyền trên kịch bản phát thanh');
  }
};

const parseParams = (ctx: Context) => {
  const parsed = params.safeParse(ctx.params);
  if (!parsed.success) throw new errors.ValidationError('documentId is not a valid document id');
  return parsed.data;
};

const audioView = (row: ScriptRow) => ({
  audioStatus: row.audioStatus ?? 'none',
  audioMessage: row.audioMessage,
  audio: row.audio ? { url: row.audio.url, mime: row.audio.mime, name: row.audio.name } : null,
});

/** Radio admin endpoints: a policy's scripts, a script's audio state, and audio rendering on demand. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  // The author is loaded so that conditional permissions (a Contributor's "own only") can be checked per script.
  const rowsOf = (where: Record<string, unknown>) =>
    strapi.db.query(RADIO_SCRIPT_UID as never).findMany({
      where,
      populate: { audio: true, createdBy: { select: ['id'] } } as never,
      orderBy: { updatedAt: 'desc' },
    }) as Promise<ScriptRow[]>;

  /** The content manager's own checker: it applies the role's conditions to a loaded script. */
  const checkerFor = (ctx: Context): Checker =>
    strapi.plugin('content-manager').service('permission-checker').create({ userAbility: ctx.state.userAbility, model: RADIO_SCRIPT_UID });

  /** The row a permission is checked on: the draft, which is what an editor edits. */
  const editedRow = (rows: ScriptRow[]) => rows.find((row) => !row.publishedAt) ?? rows[0];

  const requireOn = (allowed: boolean) => {
    if (!allowed) throw new errors.PolicyError('You may not use this radio script / Bạn không có quyền trên kịch bản phát thanh này');
  };

  return {
    /** The scripts of a policy, one entry per script (its published state and its draft), grouped by language in the panel. */
    async forPolicy(ctx: Context) {
      requirePermission(ctx, CM_ACTIONS.read);
      const { documentId } = parseParams(ctx);
      const policy = await strapi.db.query(POLICY_UID as never).findOne({ where: { documentId }, select: ['id'] });
      if (!policy) throw new errors.NotFoundError('Policy not found');
      const rows = await rowsOf({ policy: { documentId } });
      const byDocument = new Map<string, { draft?: ScriptRow; published?: ScriptRow }>();
      for (const row of rows) {
        const entry = byDocument.get(row.documentId) ?? {};
        if (row.publishedAt) entry.published = row;
        else entry.draft = row;
        byDocument.set(row.documentId, entry);
      }
      const checker = checkerFor(ctx);
      ctx.body = {
        data: [...byDocument.values()].filter(({ draft, published }) => checker.can.read((draft ?? published) as ScriptRow)).map(({ draft, published }) => {
          const current = (draft ?? published) as ScriptRow;
          return {
            documentId: current.documentId,
            title: current.title,
            language: current.language,
            priority: current.priority,
            estimatedSeconds: current.estimatedSeconds,
            generated: Boolean(current.generated),
            published: Boolean(published),
            updatedAt: current.updatedAt,
            ...audioView(published ?? current),
          };
        }),
      };
    },

    /** Where a script's audio stands (the panel polls this while rendering). */
    async audio(ctx: Context) {
      requirePermission(ctx, CM_ACTIONS.read);
      const { documentId } = parseParams(ctx);
      const rows = await rowsOf({ documentId });
      if (rows.length === 0) throw new errors.NotFoundError('Radio script not found');
      requireOn(checkerFor(ctx).can.read(editedRow(rows)));
      ctx.body = { data: audioView(rows.find((row) => row.publishedAt) ?? rows[0]) };
    },

    /** Queues the script's audio again (after an edit, or to retry a failure); rendering runs in the background. */
    async renderAudio(ctx: Context) {
      requirePermission(ctx, CM_ACTIONS.update);
      const { documentId } = parseParams(ctx);
      const service = strapi.service(RADIO_SCRIPT_UID as never) as unknown as { requestAudio: (id: string) => Promise<number> };
      const rows = await rowsOf({ documentId });
      if (rows.length === 0) throw new errors.NotFoundError('Radio script not found');
      requireOn(checkerFor(ctx).can.update(editedRow(rows)));
      if (rows.some((row) => row.audioStatus === 'rendering')) {
        ctx.status = 202;
        ctx.body = { data: { audioStatus: 'rendering' } };
        return;
      }
      await service.requestAudio(documentId);
      strapi.eventHub.emit(AUDIO_REQUESTED_EVENT, { documentId });
      ctx.status = 202;
      ctx.body = { data: { audioStatus: 'pending' } };
    },
  };
};
