import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import type { ChannelStateStore } from '../channels/types';
import { STATE_KEYS } from '../constants';
import { toJson } from '../utils/rows';
import { acquireStateLease } from '../queries/acquire-state-lease';
import { ensureStateRow } from '../queries/ensure-state-row';
import { readState } from '../queries/read-state';
import { releaseStateLease } from '../queries/release-state-lease';
import { writeState } from '../queries/write-state';
import { executor } from '../utils/db';

type Encryption = { encrypt(value: string): string | null; decrypt(value: string): string | null };

/** Durable state shared by the nodes: the sequence counter row and each channel's (encrypted) state. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  // Strapi's own AES-256-GCM helper keyed by admin.secrets.encryptionKey (ENCRYPTION_KEY); Strapi types
  // admin services as its generic `Core.Service`, so its two methods are declared here.
  const encryption = () => strapi.service('admin::encryption') as unknown as Encryption;

  const encrypt = (plain: string): string => {
    const sealed = encryption().encrypt(plain);
    if (!sealed) throw new Error('ENCRYPTION_KEY is not configured: channel secrets cannot be stored');
    return sealed;
  };

  const decrypt = (sealed: string | null): string | null => (sealed ? encryption().decrypt(sealed) : null);

  return {
    /** Creates the rows the plugin needs at boot. */
    async ensureBaseRows(): Promise<void> {
      await ensureStateRow(strapi.db.connection, STATE_KEYS.eventSequence);
    },

    /** The state store of one channel (its row is created on first use). */
    channelStore(channel: string): ChannelStateStore {
      const key = STATE_KEYS.channel(channel);
      let ensured = false;
      const ensure = async () => {
        if (ensured) return;
        await ensureStateRow(await executor(strapi), key);
        ensured = true;
      };
      return {
        async read() {
          await ensure();
          const row = await readState(await executor(strapi), key);
          return { value: toJson<Record<string, unknown>>(row?.value) ?? {}, secret: decrypt(row?.secret ?? null) };
        },
        async write({ value, secret }) {
          await ensure();
          await writeState(await executor(strapi), key, { value, secret: secret === undefined ? undefined : secret === null ? null : encrypt(secret) });
        },
        async acquireLease(ms) {
          await ensure();
          const token = crypto.randomUUID();
          return (await acquireStateLease(await executor(strapi), key, token, new Date(), ms)) ? token : null;
        },
        async releaseLease(token) {
          await releaseStateLease(await executor(strapi), key, token);
        },
      };
    },
  };
};
