import { z } from 'zod';
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
  | { kind: 'publish'; metadata: BulletinMetadata; audio: AudioReference | null }
  | { kind: 'withdraw'; id: string };

/** Audio states after which the bulletin goes out: with its file when ready, for live reading otherwise. */
const AUDIO_SETTLED = new Set(['ready', 'no-voice', 'failed']);

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
    const findAudio = async (event: PublicationEvent): Promise<AudioReference | null> => {
      const row = (await strapi.db.query(event.uid).findOne({
        where: { documentId: event.documentId, publishedAt: { $notNull: true } },
        select: ['id', 'audioStatus', 'audioMessage'],
        populate: { audio: true },
      })) as { audioStatus?: string; audioMessage?: string | null; audio?: { url: string; mime: string; name: string } | null } | null;
      const status = row?.audioStatus ?? 'none';
      if (!AUDIO_SETTLED.has(status)) {
        throw new ChannelError(`audio of the bulletin is not ready yet (${status})`, { retryable: true });
      }
      if (status !== 'ready' || !row?.audio) return null;
      return audioReference(row.audio, strapi.dirs.static.public);
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
        return { kind: 'publish', metadata: bulletinMetadata(event.documentId, event.snapshot ?? {}), audio: await findAudio(event) };
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
          return { outcome: 'delivered', statusCode: reply.status, externalId: externalId ?? request.metadata.id };
        }
        return classify(reply, 'bulletin');
      },
    };
    return adapter as ChannelAdapter;
  },
};
