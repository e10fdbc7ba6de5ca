import fs from 'fs/promises';
import path from 'path';
import { setTimeout as delay } from 'timers/promises';
import { nextAttemptAt } from '../../../../common/backoff';
import { bilingual, speechError, SynthesisError, type SpeakRequest, type SpeechProvider, type SpeechSettings } from '../provider';

/**
 * FPT.AI Text to Speech, version 5: neural Vietnamese voices.
 *
 * Contract, from FPT.AI's documentation "FPT.AI Speech - Text to Speech"
 * (https://docs.fpt.ai/docs/en/speech/api/text-to-speech):
 * - `POST https://api.fpt.ai/hmi/tts/v5`; request headers `api_key` (required, from console.fpt.ai),
 *   `voice` (banmai, lannhi, leminh, myan, thuminh, giahuy, linhsan; default female), `speed` (−3 slowest
 *   … 0 normal … +3 fastest), `format` (`mp3` default, or `wav`), `callback_url` (optional, unused here).
 * - Body: the text itself, "Limit per request: 5.000 characters", "Body must have at least 3 characters".
 * - Answer: JSON `{ error, async, request_id, message }`, `error` 0 on success, `async` the link to the
 *   audio file. It is asynchronous: "this file may not exist right at the time of response. Waiting
 *   time will be from 5 seconds to 2 minutes, depends on the length of the text", so the link is polled
 *   (a missing file answers 404, or 403 from its storage) until the file is there.
 * We ask for `wav` (sox reads it without an MP3 codec, libsox-fmt-mp3) and send the key as the
 * documented `api_key` header. HTTP statuses are read as any HTTP API's: 401/403 a refused key, 429 and
 * 5xx passing trouble; a non-zero `error` is FPT.AI refusing this text, shown with its message.
 */
export const FPT_AI_URL = 'https://api.fpt.ai/hmi/tts/v5';
export const FPT_AI_MAX_CHARS = 5000;
export const FPT_AI_DEFAULT_VOICE = 'banmai';
/** A Retry-After longer than this is capped: the render holds its claim meanwhile. */
const MAX_RETRY_AFTER_MS = 60_000;

/** FPT.AI's speed steps for the script's pace: 0 is its normal pace, taken as the product's default 160 syllables/min. */
export const fptSpeed = (syllablesPerMinute: number) => Math.max(-3, Math.min(3, Math.round((syllablesPerMinute - 160) / 30))) || 0;

const excerpt = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 100);

const retryAfterMs = (response: Response): number | undefined => {
  const value = response.headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : date - Date.now();
};

/** Names the file by what it is (sox goes by the extension). */
const extensionOf = (bytes: Buffer) => {
  const head = bytes.subarray(0, 4).toString('latin1');
  if (head === 'RIFF') return 'wav';
  if (head === 'OggS') return 'ogg';
  if (head.startsWith('ID3') || (bytes[0] === 0xff && (bytes[1] & 0xe0) === 0xe0)) return 'mp3';
  return 'wav';
};

const unreachable = (what: string, error: unknown) => {
  const reason = (error as Error).name === 'TimeoutError' ? 'timeout' : ((error as Error & { cause?: Error }).cause?.message ?? (error as Error).message);
  return speechError(`Không kết nối được dịch vụ giọng đọc FPT.AI (${what}): ${reason}`, `Could not reach the FPT.AI speech service (${what}): ${reason}`, { retryable: true });
};

/** An HTTP status FPT.AI answered, as an editor-facing error: retryable or not. */
const statusError = (status: number, body: string, response: Response) => {
  if (status === 401 || status === 403) {
    return speechError(
      `FPT.AI từ chối khóa API (HTTP ${status}): kiểm tra SPEECH_API_KEY rồi tạo lại âm thanh`,
      `FPT.AI refused the API key (HTTP ${status}): check SPEECH_API_KEY, then render the audio again`,
    );
  }
  const retryable = status === 408 || status === 429 || status >= 500;
  const detail = excerpt(body) || '(empty body)';
  return speechError(`Dịch vụ giọng đọc FPT.AI trả lời HTTP ${status}: ${detail}`, `The FPT.AI speech service answered HTTP ${status}: ${detail}`, { retryable, retryAfterMs: retryable ? retryAfterMs(response) : undefined });
};

/**
 * The FPT.AI provider. Each part is asked for, its link polled and its file downloaded; a retryable
 * failure (unreachable, 5xx, 429, a file still missing after `pollTimeoutMs`) asks again for that part
 * after a backoff (src/common/backoff.ts windows, Retry-After honoured), up to `maxAttempts`; a refused
 * key or text fails at once. The parts already spoken are kept.
 */
export const fptAiProvider = (settings: SpeechSettings): SpeechProvider => {
  const url = settings.apiUrl || FPT_AI_URL;
  const voice = settings.voice || FPT_AI_DEFAULT_VOICE;

  const request = async ({ text, syllablesPerMinute }: SpeakRequest): Promise<string> => {
    if (!settings.apiKey) {
      throw speechError('Chưa đặt SPEECH_API_KEY cho dịch vụ giọng đọc FPT.AI', 'SPEECH_API_KEY is not set for the FPT.AI speech service');
    }
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {
          api_key: settings.apiKey,
          voice,
          speed: String(fptSpeed(syllablesPerMinute)),
          format: 'wav',
          'content-type': 'text/plain; charset=utf-8',
        },
        body: text,
        signal: AbortSignal.timeout(settings.requestTimeoutMs),
      });
    } catch (error) {
      throw unreachable('synthesis request', error);
    }
    const body = await response.text().catch(() => '');
    if (!response.ok) throw statusError(response.status, body, response);
    let answer: { error?: unknown; async?: unknown; message?: unknown };
    try {
      answer = JSON.parse(body);
    } catch {
      throw speechError(`FPT.AI trả lời không phải JSON: ${excerpt(body)}`, `FPT.AI answered something other than JSON: ${excerpt(body)}`, { retryable: true });
    }
    if (answer.error !== 0) {
      const message = excerpt(String(answer.message ?? ''));
      throw speechError(
        `FPT.AI từ chối đoạn văn (mã ${String(answer.error)}): ${message}`,
        `FPT.AI refused the text (error ${String(answer.error)}): ${message}`,
      );
    }
    if (typeof answer.async !== 'string' || !/^https?:\/\//i.test(answer.async)) {
      throw speechError('FPT.AI không trả về liên kết tải âm thanh', 'FPT.AI answered without a link to the audio', { retryable: true });
    }
    return answer.async;
  };

  /** Fetches the audio behind the `async` link, waiting while it is not there yet. */
  const download = async (link: string): Promise<Buffer> => {
    const deadline = Date.now() + settings.pollTimeoutMs;
    for (;;) {
      let response: Response;
      try {
        response = await fetch(link, { signal: AbortSignal.timeout(settings.requestTimeoutMs) });
      } catch (error) {
        throw unreachable('audio download', error);
      }
      if (response.ok) {
        const bytes = Buffer.from(await response.arrayBuffer());
        if (bytes.length > 0) return bytes;
      } else {
        await response.body?.cancel();
        // Not there yet (404, or 403 from its storage) or passing trouble: wait; anything else will not come right.
        if (![403, 404, 429].includes(response.status) && response.status < 500) throw statusError(response.status, '', response);
      }
      if (Date.now() + settings.pollIntervalMs > deadline) {
        throw speechError(
          `Âm thanh của FPT.AI chưa sẵn sàng sau ${Math.round(settings.pollTimeoutMs / 1000)} giây`,
          `FPT.AI's audio was not ready after ${Math.round(settings.pollTimeoutMs / 1000)} s`,
          { retryable: true },
        );
      }
      await delay(settings.pollIntervalMs);
    }
  };

  return {
    name: 'fpt-ai',
    maxChars: FPT_AI_MAX_CHARS,
    // FPT.AI's voices are Vietnamese only.
    voiceFor: (language) => (language === 'vi' || language.startsWith('vi-') ? voice : null),
    async speak(part) {
      const firstAttemptAt = new Date();
      for (let attempt = 1; ; attempt += 1) {
        try {
          const bytes = await download(await request(part));
          const file = path.join(part.dir, `part-${part.part}.${extensionOf(bytes)}`);
          await fs.writeFile(file, bytes);
          return file;
        } catch (error) {
          if (!(error instanceof SynthesisError) || !error.retryable || attempt >= settings.maxAttempts) {
            if (error instanceof SynthesisError && error.retryable) {
              throw speechError(
                `Đã thử ${attempt} lần, vẫn lỗi: ${error.vi ?? error.message}`,
                `Failed after ${attempt} attempts: ${error.en ?? error.message}`,
              );
            }
            throw error;
          }
          const due = nextAttemptAt({
            failedAttempts: attempt,
            firstAttemptAt,
            now: new Date(),
            baseDelayMs: settings.retryBaseMs,
            retryAfterMs: error.retryAfterMs,
            maxRetryAfterMs: MAX_RETRY_AFTER_MS,
          });
          await part.progress(
            bilingual(
              `Đang thử lại (lần ${attempt + 1}/${settings.maxAttempts}) sau lỗi: ${error.vi ?? error.message}`,
              `Retrying (attempt ${attempt + 1} of ${settings.maxAttempts}) after: ${error.en ?? error.message}`,
            ),
          );
          await delay(Math.max(0, due.getTime() - Date.now()));
        }
      }
    },
  };
};
