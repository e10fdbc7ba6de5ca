/**
 * The small interface every speech provider implements (audio/providers/): espeak-ng on this server
 * (the default, offline) or a commercial Vietnamese voice over HTTP. A provider speaks one part of a
 * script into one audio file; cutting the script into parts, joining them and converting to Ogg
 * Vorbis is common work (audio/synthesise.ts), so every provider's audio takes the same path into the
 * media library and on to the source system.
 */

/** Provider names `SPEECH_PROVIDER` accepts (config/radio.ts). */
export const SPEECH_PROVIDERS = ['espeak-ng', 'fpt-ai'] as const;
export type SpeechProviderName = (typeof SPEECH_PROVIDERS)[number];

/** `radio.speech` (config/radio.ts). */
export type SpeechSettings = {
  provider: SpeechProviderName;
  apiUrl: string;
  apiKey: string;
  voice: string;
  /** Attempts per part before the script's audio is `failed` (an HTTP provider's own retries). */
  maxAttempts: number;
  retryBaseMs: number;
  /** How often an asynchronous provider's download link is tried, and for how long, per attempt. */
  pollIntervalMs: number;
  pollTimeoutMs: number;
  /** One HTTP request's timeout. */
  requestTimeoutMs: number;
};

/** What the script's row shows while the audio is made ("part 2 of 3", "retrying…"); also renews the claim. */
export type Progress = (message: string) => Promise<void>;

export type SpeakRequest = {
  text: string;
  voice: string;
  syllablesPerMinute: number;
  /** Folder (created by the caller, removed afterwards) where the part's file is written. */
  dir: string;
  /** The part's number, from 1, for file names and messages. */
  part: number;
  parts: number;
  progress: Progress;
};

export type SpeechProvider = {
  name: SpeechProviderName;
  /** Most characters one request may carry (the service's limit); Infinity when there is none. */
  maxChars: number;
  /** The voice for a script language, or null: the script gets `no-voice`, for the announcer to read. */
  voiceFor: (language: string) => string | null;
  /** Speaks one part into a file in `dir` (WAV, Ogg or anything sox reads) and returns its path. */
  speak: (request: SpeakRequest) => Promise<string>;
};

/**
 * A failure the editor can act on, shown as the script's `audioMessage` (Vietnamese / English).
 * `retryable` tells an HTTP provider whether trying again can help (5xx, timeouts) or not (a refused key).
 */
export class SynthesisError extends Error {
  readonly retryable: boolean;

  readonly retryAfterMs?: number;

  /** The message's two halves, when it has them (see {@link speechError}). */
  readonly vi?: string;

  readonly en?: string;

  constructor(
    message: string,
    { retryable = false, retryAfterMs, vi, en }: { retryable?: boolean; retryAfterMs?: number; vi?: string; en?: string } = {},
  ) {
    super(message);
    this.name = 'SynthesisError';
    this.retryable = retryable;
    this.retryAfterMs = retryAfterMs;
    this.vi = vi;
    this.en = en;
  }
}

/** The two-language form of every message a provider leaves on a script (the radio panel shows it as is). */
export const bilingual = (vi: string, en: string) => `${vi} / ${en}`;

/** A `SynthesisError` in Vietnamese and English. */
export const speechError = (vi: string, en: string, options: { retryable?: boolean; retryAfterMs?: number } = {}) =>
  new SynthesisError(bilingual(vi, en), { ...options, vi, en });
