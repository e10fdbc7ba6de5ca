import type { Core } from '@strapi/strapi';
import { notifications } from '../../../../../common/notifications';
import type { ChannelHealthView } from '../../../contracts';
import type { ChannelAdapter, ChannelDescription } from '../channels/types';
import { CHANNEL_FAILING_TOPIC, PLUGIN_ID, STATE_KEYS } from '../constants';
import { channelHealthInputs } from '../queries/channel-health-inputs';
import { ensureStateRow } from '../queries/ensure-state-row';
import { readHealthState, recordHealthChange } from '../queries/health-state';
import { assessHealth } from '../utils/channel-health';
import { getPluginConfig } from '../utils/config';
import { executor } from '../utils/db';
import { errorText } from '../utils/errors';
import { getService } from '../utils/get-service';

// Enough history to say "28 bài gần nhất đều lỗi" with the real count; beyond it the count reads as this cap.
const HISTORY_LIMIT = 200;
const SUPER_ADMIN_ROLE = 'strapi-super-admin';

type AdminUser = { id: number; email: string | null; firstname: string | null; lastname: string | null };

/**
 * Each channel's health (ok / degraded / failing / unconfigured), computed from its deliveries, and
 * its changes recorded in the state table (one row per channel, compare-and-set so that one node
 * records each change). Turning `failing` e-mails every active super admin through the notification
 * outbox, in the transaction that records the change: one e-mail per admin and per transition.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = getPluginConfig(strapi).health;
  let timer: NodeJS.Timeout | null = null;
  let checking: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const ensured = new Set<string>();

  const assess = async (adapter: ChannelAdapter, description: ChannelDescription, now = new Date()): Promise<ChannelHealthView> => {
    const rows = await channelHealthInputs(strapi.db.connection, adapter.name, Math.max(settings.failingAfter, settings.recentWindow, HISTORY_LIMIT));
    return assessHealth({ configComplete: description.configComplete, missing: description.problems, ...rows, now }, settings);
  };

  const superAdmins = async (): Promise<AdminUser[]> =>
    (await strapi.db.query('admin::user').findMany({
      select: ['id', 'email', 'firstname', 'lastname'],
      where: { isActive: true, blocked: false, roles: { code: SUPER_ADMIN_ROLE } },
    })) as AdminUser[];

  const notifyFailing = async (adapter: ChannelAdapter, health: ChannelHealthView, version: number, since: Date): Promise<void> => {
    const outbox = notifications(strapi);
    if (!outbox) return;
    const at = since.toISOString().replace('T', ' ').slice(0, 16);
    for (const user of await superAdmins()) {
      if (!user.email) continue;
      const name = [user.lastname, user.firstname].filter(Boolean).join(' ').trim() || user.email;
      await outbox.enqueue({
        channel: 'email',
        topic: CHANNEL_FAILING_TOPIC,
        dedupeKey: `${CHANNEL_FAILING_TOPIC}:${adapter.name}:${version}:${user.id}`,
        recipient: user.email,
        recipientAdminId: user.id,
        subject: `Kênh "${adapter.label.vi}" đang lỗi / Channel "${adapter.label.en}" is failing`,
        text: [
          `Xin chào ${name},`,
          '',
          `Kênh phát hành "${adapter.label.vi}" đang lỗi (từ ${at} UTC): ${health.text?.vi ?? ''}.`,
          'Sau khi khắc phục nguyên nhân, vào trang Phát hành đa kênh, chọn các bài lỗi và bấm "Gửi lại các bài đã chọn".',
          '',
          `The "${adapter.label.en}" distribution channel is failing (since ${at} UTC): ${health.text?.en ?? ''}.`,
          'Once the cause is fixed, open the Distribution page, select the failed deliveries and press "Retry selected".',
          '',
          'Thư tự động, vui lòng không trả lời. / Automatic e-mail, please do not reply.',
        ].join('\n'),
      });
    }
  };

  /** Records the channel's health when it changed; a change to failing tells the super admins. */
  const record = async (adapter: ChannelAdapter, health: ChannelHealthView, now: Date): Promise<void> => {
    const key = STATE_KEYS.health(adapter.name);
    if (!ensured.has(key)) {
      await ensureStateRow(strapi.db.connection, key);
      ensured.add(key);
    }
    const before = await readHealthState(strapi.db.connection, key);
    if (before.state === health.state) return;
    await strapi.db.transaction(async () => {
      const version = await recordHealthChange(await executor(strapi), key, before.version, { state: health.state, since: now.toISOString() });
      if (version === null || health.state !== 'failing') return;
      strapi.log.warn(`[${PLUGIN_ID}] channel ${adapter.name} is failing: ${health.text?.en ?? ''}`);
      await notifyFailing(adapter, health, version, now);
    });
  };

  const checkAll = async (): Promise<void> => {
    const now = new Date();
    for (const { adapter, description } of await getService(strapi, 'channels').describeAll()) {
      if (stopped) return;
      await record(adapter, await assess(adapter, description, now), now);
    }
  };

  /** One check at a time per node; a request during a check runs one more after it. */
  const run = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (checking) {
      again = true;
      return checking;
    }
    checking = checkAll()
      .catch((error: unknown) => {
        if (!stopped) strapi.log.error(`[${PLUGIN_ID}] channel health check: ${errorText(error)}`);
      })
      .finally(() => {
        checking = null;
        if (again && !stopped) {
          again = false;
          void run();
        }
      });
    return checking;
  };

  return {
    /** The channel's health now. */
    assess,

    /** Since when the channel is in `state`, as recorded (null when the record says otherwise or nothing yet). */
    async since(channel: string, state: string): Promise<string | null> {
      const recorded = await readHealthState(strapi.db.connection, STATE_KEYS.health(channel));
      return recorded.state === state ? recorded.since : null;
    },

    /** Checks every channel now and records changes (waits for it). */
    checkNow: run,

    /** A delivery attempt ended: check soon, outside the caller's stack. */
    noteOutcome(): void {
      if (!stopped) setImmediate(() => void run());
    },

    /** Checks at boot and every `checkIntervalMs`. */
    start(): void {
      if (timer || stopped) return;
      void run();
      timer = setInterval(() => void run(), settings.checkIntervalMs);
      timer.unref();
    },

    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      await checking;
    },
  };
};
