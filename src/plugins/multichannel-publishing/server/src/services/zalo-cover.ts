import fs from 'fs/promises';
import os from 'os';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { DEFAULT_COVER, renderDefaultCover } from '../channels/zalo/default-cover';
import { zaloConfigSchema } from '../channels/zalo/oa-client';
import { getPluginConfig } from '../utils/config';
import { errorText } from '../utils/errors';
import { getService } from '../utils/get-service';

const FILE_UID = 'plugin::upload.file';
// Its own state row (not the zalo channel's, whose value holds the token chain's timestamps).
const STORE = 'zalo-cover';
// Generating and uploading one small JPEG: a node holding the lease longer than this has died.
const LEASE_MS = 60_000;

type StoredFile = { id: number; url: string };

/**
 * The default Zalo cover in the media library: generated once (sharp) and uploaded when absent, so
 * every OA article has a cover even when the entry has no image and ZALO_COVER_URL is unset. Its id
 * is kept in the plugin's state; an administrator replaces the picture in the media library
 * ("Replace media" on `zalo-default-cover.jpg` keeps the id, so the new picture is used at once),
 * and a deleted one is generated again at the next boot or article.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const zalo = () => zaloConfigSchema.parse(getPluginConfig(strapi).channels.zalo ?? {});
  const store = () => getService(strapi, 'state').channelStore(STORE);
  let known: StoredFile | null = null;

  const findFile = async (id: unknown): Promise<StoredFile | null> => {
    if (typeof id !== 'number') return null;
    const file = (await strapi.db.query(FILE_UID).findOne({ select: ['id', 'url'], where: { id } })) as { id: number; url?: string | null } | null;
    return file?.url ? { id: file.id, url: file.url } : null;
  };

  const upload = async (): Promise<StoredFile> => {
    const config = zalo();
    const bytes = await renderDefaultCover(config.defaultCoverText, config.defaultCoverSubtitle);
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'zalo-cover-'));
    const filepath = path.join(dir, DEFAULT_COVER.fileName);
    try {
      await fs.writeFile(filepath, bytes);
      const [file] = (await strapi.plugin('upload').service('upload').upload({
        data: {
          fileInfo: {
            name: DEFAULT_COVER.fileName,
            alternativeText: config.defaultCoverText,
            caption: 'Ảnh bìa mặc định của bài viết Zalo OA (thay bằng "Replace media" / "Thay thế")',
          },
        },
        files: { filepath, originalFilename: DEFAULT_COVER.fileName, mimetype: 'image/jpeg', size: bytes.length },
      })) as Array<{ id: number; url: string }>;
      return { id: file.id, url: file.url };
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  };

  return {
    /** Whether the default cover is needed: Zalo is configured and no ZALO_COVER_URL replaces it. */
    needed(): boolean {
      const config = zalo();
      return Boolean(config.appId || config.secretKey || config.refreshToken) && !config.coverUrl;
    },

    /** The cover's URL as stored (relative `/uploads/…` with the local provider), from memory: no query. */
    knownUrl(): string | null {
      return known?.url ?? null;
    },

    /**
     * The default cover, uploaded first when absent (one node at a time). `null` only while another
     * node is creating it. Never call inside a transaction: it uploads a file.
     */
    async ensure(): Promise<StoredFile | null> {
      const state = store();
      const existing = await findFile((await state.read()).value.fileId);
      if (existing) {
        known = existing;
        return existing;
      }
      const lease = await state.acquireLease(LEASE_MS);
      if (!lease) return null;
      try {
        // Another node may have finished between our read and our lease.
        const again = await findFile((await state.read()).value.fileId);
        if (again) {
          known = again;
          return again;
        }
        const created = await upload();
        await state.write({ value: { fileId: created.id } });
        strapi.log.info(`[multichannel-publishing] default Zalo cover created in the media library (file ${created.id}, ${DEFAULT_COVER.fileName})`);
        known = created;
        return created;
      } finally {
        await state.releaseLease(lease);
      }
    },

    /** At boot: creates the cover when Zalo needs it; a failure is logged, and retried with the first article. */
    async ensureAtBoot(): Promise<void> {
      if (!this.needed()) return;
      try {
        await this.ensure();
      } catch (error) {
        strapi.log.warn(`[multichannel-publishing] the default Zalo cover could not be created yet: ${errorText(error)}`);
      }
    },
  };
};
