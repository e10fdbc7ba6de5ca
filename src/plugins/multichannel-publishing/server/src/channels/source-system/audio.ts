import fs from 'fs/promises';
import path from 'path';
import { networkErrorText } from '../../utils/errors';
import { ChannelError } from '../types';

/** Where a bulletin's audio file is: a URL (an upload provider) or a file under the public folder. */
export type AudioSource = { kind: 'url'; url: string } | { kind: 'file'; path: string };

/** A bulletin's audio as `render` finds it: a reference only, downloaded when the bulletin is sent. */
export type AudioReference = { name: string; mime: string; source: AudioSource };

export type AudioFile = { name: string; mime: string; bytes: Buffer<ArrayBuffer> };

/** The audio reference of an uploaded file's `url`: remote when absolute, else under `publicDir`. */
export const audioReference = (file: { url: string; mime: string; name: string }, publicDir: string): AudioReference => ({
  name: file.name,
  mime: file.mime,
  source: /^https?:\/\//i.test(file.url) ? { kind: 'url', url: file.url } : { kind: 'file', path: path.join(publicDir, file.url) },
});

const failed = (reason: string, retryable: boolean, statusCode?: number) =>
  new ChannelError(`audio download failed: ${reason}`, { retryable, statusCode });

/**
 * The audio's bytes, within `timeoutMs` and the shutdown `signal`. An answer other than 2xx fails
 * the delivery with its status (retried only when the server may recover: 408, 429, 5xx); an
 * unreadable local file is retried, as any unexpected failure of a channel is.
 */
export const downloadAudio = async (reference: AudioReference, { timeoutMs, signal }: { timeoutMs: number; signal: AbortSignal }): Promise<AudioFile> => {
  const { name, mime, source } = reference;
  if (source.kind === 'file') {
    try {
      return { name, mime, bytes: await fs.readFile(source.path) };
    } catch (error) {
      throw failed(`cannot read ${path.basename(source.path)} (${(error as NodeJS.ErrnoException).code ?? 'error'})`, true);
    }
  }
  try {
    const response = await fetch(source.url, { redirect: 'follow', signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]) });
    if (!response.ok) {
      await response.body?.cancel();
      const status = response.status;
      throw failed(`HTTP ${status}`, status === 408 || status === 429 || status >= 500, status);
    }
    return { name, mime, bytes: Buffer.from(await response.arrayBuffer()) };
  } catch (error) {
    if (error instanceof ChannelError) throw error;
    throw failed(networkErrorText(error), true);
  }
};
