import type { UID } from '@strapi/strapi';
import { z } from 'zod';
import { findLatestDelivery } from '../../queries/find-latest-delivery';
import { executor } from '../../utils/db';
import { errorText } from '../../utils/errors';
import { isHttpUrl, joinUrl, post, retryAfterOf, type HttpReply } from '../../utils/http';
import type { PublicationEvent } from '../../types';
import { audioReference, downloadAudio, type AudioReference } from './audio';
import { ChannelError, type ChannelAdapter, type ChannelFactory, type DeliveryContext, type SendResult } from '../types';
import { bulletinMetadata, bulletinPath, bulletinQueuePriority, BULLETINS_PATH, type BulletinMetadata } from './mapping';

const optionalText = z.preprocess((value) => (value === '' ? undefined : value), z.string().nullish());

const configSchema = z.object({
  url: optionalText,
  token: optionalText,
  timeoutMs: z.number().int().min(1).default(30_000),
  /** The content type whose publications are bulletins. */
  contentType: z.string().default('api::radio-script.radio-script'),
});

type BulletinRequest =
  | { kind: 'publish'; metadata: BulletinMetadata; audio: AudioReference | null; audioSha256: string | null; withoutAudio: string | null }
  | { kind: 'withdraw'; id: string };

/** Audio states after which the bulletin goes out: with its file when ready, for live reading otherwise. */
const AUDIO_SETTLED = new Set(['ready', 'no-voice', 'failed']);

/**
 * Kept on each delivery once an attempt has chosen its audio, before anything is posted: the attempt
 * and the SHA-256 the rendering recorded for that audio (null when none). A script whose ready audio
 * differs from what its latest delivery carried gets a new delivery (`needsRefresh`); the same bytes
 * rendered again are not sent twice.
 */
type AudioCheckpoint = { attempt: number; audioSha256: string | null };
/** Re-reads of the script after saving the choice, when its audio keeps changing meanwhile. */
const MAX_AUDIO_CHOICES = 3;
const sentAudioOf = (checkpoint: Record<string, unknown> | null): string | null =>
  typeof checkpoint?.audioSha256 === 'string' ? checkpoint.audioSha256 : null;

/** What the editor reads on a bulletin delivered without its audio, in Vietnamese and English. */
const withoutAudioNote = (status: string, message: string | null | undefined): string => {
  const reason = message ? `: ${message}` : '';
  return status === 'failed'
    ? errorText(
        `Đã gửi bản tin không kèm âm thanh (tạo âm thanh lỗi${reason}); âm thanh sẽ được gửi khi tạo lại thành công / ` +
          `Sent without audio (rendering failed${reason}); the audio follows once it renders`,
      )
    : errorText(`Đã gửi bản tin không kèm âm thanh, để phát thanh viên đọc trực tiếp${reason} / Sent without audio, for live reading${reason}`);
};

/**
 * The source information system that feeds the grassroots loudspeaker radio: a published radio
 * script becomes `POST {url}/bulletins` (multipart: `metadata` JSON + `audio` file), an
 * unpublished one `DELETE {url}/bulletins/:id`. A script whose audio is still being rendered is
 * retried later; a language without a voice is sent without audio, for the announcer to read.
 */
export const sourceSystemChannel: ChannelFactory = {
  name: 'source-system',
  create({ strapi, config: raw }) {
    const config = configSchema.parse(raw);

    /**
     * Where the current published version's audio is: rendering finishes after the publish that
     * triggered this event. Only its reference: the bytes are downloaded by `send`.
     */
    const findAudio = async (
      event: PublicationEvent,
    ): Promise<{ audio: AudioReference | null; audioSha256: string | null; withoutAudio: string | null }> => {
      const row = (await strapi.db.query(event.uid).findOne({
        where: { documentId: event.documentId, publishedAt: { $notNull: true } },
        select: ['id', 'audioStatus', 'audioMessage', 'audioSha256'],
        populate: { audio: true },
      })) as {
        audioStatus?: string;
        audioMessage?: string | null;
        audioSha256?: string | null;
        audio?: { url: string; mime: string; name: string } | null;
      } | null;
      const status = row?.audioStatus ?? 'none';
      if (!AUDIO_SETTLED.has(status)) {
        throw new ChannelError(`audio of the bulletin is not ready yet (${status})`, { retryable: true });
      }
      if (status !== 'ready' || !row?.audio) return { audio: null, audioSha256: null, withoutAudio: withoutAudioNote(status, row?.audioMessage) };
      return { audio: audioReference(row.audio, strapi.dirs.static.public), audioSha256: row.audioSha256 ?? null, withoutAudio: null };
    };

    const classify = (reply: HttpReply, what: string): never => {
      const { status } = reply;
      if (status === 429 || status >= 500) {
        throw new ChannelError(`source system answered ${status}`, { retryable: true, statusCode: status, retryAfterMs: retryAfterOf(reply) });
      }
      throw new ChannelError(errorText(`source system refused the ${what} (${status}): ${reply.text || '(empty body)'}`), {
        retryable: status === 408,
        statusCode: status,
      });
    };

    const adapter: ChannelAdapter<BulletinRequest> = {
      name: 'source-system',
      label: { vi: 'Hệ thống thông tin nguồn (truyền thanh cơ sở)', en: 'Source information system (loudspeaker radio)' },

      async describe() {
        const problems: string[] = [];
        if (!config.url) problems.push('SOURCE_SYSTEM_URL');
        else if (!isHttpUrl(config.url)) problems.push('SOURCE_SYSTEM_URL (not an http(s) URL)');
        if (!config.token) problems.push('SOURCE_SYSTEM_TOKEN');
        return { enabled: Boolean(config.url || config.token), configComplete: problems.length === 0, problems };
      },

      accepts: (event) => event.uid === config.contentType,

      priority: (event) => bulletinQueuePriority(event.snapshot),

      async render(event, context: DeliveryContext) {
        if (event.type === 'unpublished') {
          return { kind: 'withdraw', id: context.previousExternalId ?? event.documentId };
        }
        // The choice is saved, then the script read again: an audio that became ready in between is seen
        // here, or its transaction (which locks this delivery while it decides) saw the saved choice.
        let chosen = await findAudio(event);
        for (let choice = 1; ; choice += 1) {
          await context.saveCheckpoint({ attempt: context.attempt, audioSha256: chosen.audioSha256 } satisfies AudioCheckpoint);
          const current = await findAudio(event);
          if (current.audioSha256 === chosen.audioSha256 && Boolean(current.audio) === Boolean(chosen.audio)) break;
          if (choice >= MAX_AUDIO_CHOICES) throw new ChannelError('the audio of the bulletin keeps changing', { retryable: true });
          chosen = current;
        }
        return { kind: 'publish', metadata: bulletinMetadata(event.documentId, event.snapshot ?? {}), ...chosen };
      },

      /**
       * A published script whose audio became ready (rendered again after a failure, or in a new
       * voice) needs a new bulletin when its latest delivery went out, or is going out, without
       * those bytes. A delivery still waiting (pending, or failed and due again) reads the audio
       * when it is sent, so it needs nothing more.
       */
      async needsRefresh(version) {
        if (version.uid !== config.contentType) return false;
        const row = (await strapi.db.query(version.uid).findOne({ where: { id: version.id }, select: ['audioStatus', 'audioSha256'] })) as {
          audioStatus?: string;
          audioSha256?: string | null;
        } | null;
        if (row?.audioStatus !== 'ready' || !row.audioSha256) return false;
        const latest = await findLatestDelivery(await executor(strapi), {
          channel: 'source-system',
          uid: version.uid as UID.ContentType,
          documentId: version.documentId,
          locale: version.locale,
          lock: true,
        });
        if (!latest || latest.status === 'pending' || latest.status === 'failed' || latest.status === 'skipped') return false;
        // In flight without a choice saved: saving it waits for this commit (the row lock; SQLite has one
        // writer) and the attempt reads the script again after saving, so it carries the ready audio (or
        // finds it not ready and is retried).
        if (latest.status === 'in-flight' && latest.checkpoint?.attempt !== latest.attempts) return false;
        // Delivered, dead, or in flight with its choice saved: compare with what it carries. (That attempt
        // may still see the new audio on its second read: then the bulletin goes twice, never missing.)
        return sentAudioOf(latest.checkpoint) !== row.audioSha256;
      },

      async send(request, context): Promise<SendResult> {
        const headers = { authorization: `Bearer ${config.token ?? ''}`, 'idempotency-key': context.idempotencyKey };
        if (request.kind === 'withdraw') {
          const reply = await post('source system', joinUrl(config.url ?? '', bulletinPath(request.id)), {
            method: 'DELETE',
            headers,
            timeoutMs: config.timeoutMs,
            signal: context.signal,
          });
          if (reply.status === 404) return { outcome: 'skipped', reason: 'the source system had no such bulletin' };
          if (reply.status >= 200 && reply.status < 300) return { outcome: 'delivered', statusCode: reply.status };
          return classify(reply, 'withdrawal');
        }
        const form = new FormData();
        form.set('metadata', new Blob([JSON.stringify(request.metadata)], { type: 'application/json' }), 'metadata.json');
        // Saved before anything else, so that an audio becoming ready meanwhile knows whether this bulletin carries it.
        if (request.audio) {
          const audio = await downloadAudio(request.audio, { timeoutMs: config.timeoutMs, signal: context.signal });
          form.set('audio', new Blob([audio.bytes], { type: audio.mime }), audio.name);
        }
        const reply = await post('source system', joinUrl(config.url ?? '', BULLETINS_PATH), {
          headers,
          body: form,
          timeoutMs: config.timeoutMs,
          signal: context.signal,
        });
        if (reply.status >= 200 && reply.status < 300) {
          let externalId: string | null = null;
          try {
            const body = JSON.parse(reply.text) as { id?: unknown };
            externalId = body.id === undefined || body.id === null ? null : String(body.id);
          } catch {
            externalId = null;
          }
          return {
            outcome: 'delivered',
            statusCode: reply.status,
            externalId: externalId ?? request.metadata.id,
            ...(request.withoutAudio ? { note: request.withoutAudio } : {}),
          };
        }
        return classify(reply, 'bulletin');
      },
    };
    return adapter as ChannelAdapter;
  },
};
