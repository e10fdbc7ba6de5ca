import { execFile } from 'child_process';
import fs from 'fs/promises';
import os from 'os';
import path from 'path';
import { promisify } from 'util';
import { splitForSpeech } from '../speech/sentences';
import { bilingual, SynthesisError, type Progress, type SpeechProvider } from './provider';

export { SynthesisError } from './provider';

const run = promisify(execFile);

export type SynthesisResult =
  | { kind: 'audio'; file: string; mime: 'audio/ogg'; seconds: number; parts: number; cleanup: () => Promise<void> }
  | { kind: 'no-voice'; message: string };

const missingTool = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/** What sox says when it cannot read a part (e.g. an MP3 without libsox-fmt-mp3), in the editor's words. */
const soxFailure = (error: unknown) => {
  const first = (error as Error).message.split('\n').find((line) => line.startsWith('sox FAIL')) ?? (error as Error).message.split('\n')[0];
  return new SynthesisError(
    bilingual(`Không ghép được âm thanh (sox): ${first}`, `Could not join the audio (sox): ${first}`),
  );
};

/**
 * Speaks `text` with `provider` into one Ogg Vorbis file in a temp folder: the text is cut at sentence
 * ends into parts within the provider's limit, each part spoken in order, and the parts joined and
 * converted by sox (one part: just converted); the duration is measured with soxi. A language without
 * a voice yields `no-voice` (a status, not an error); a failure throws `SynthesisError` with a message
 * an editor can act on.
 */
export const synthesise = async (
  text: string,
  provider: SpeechProvider,
  { language, syllablesPerMinute, progress = async () => undefined }: { language: string; syllablesPerMinute: number; progress?: Progress },
): Promise<SynthesisResult> => {
  const voice = provider.voiceFor(language);
  if (!voice) {
    return { kind: 'no-voice', message: `No synthetic voice for language "${language}": record the bulletin by hand.` };
  }
  const parts = splitForSpeech(text, provider.maxChars);
  if (parts.length === 0) throw new SynthesisError(bilingual('Kịch bản trống.', 'The script is empty.'));
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'radio-audio-'));
  const cleanup = () => fs.rm(dir, { recursive: true, force: true });
  const oggFile = path.join(dir, 'script.ogg');
  try {
    const files: string[] = [];
    for (const [index, part] of parts.entries()) {
      if (parts.length > 1) {
        await progress(bilingual(`Đang tạo giọng đọc phần ${index + 1}/${parts.length}`, `Speaking part ${index + 1} of ${parts.length}`));
      }
      files.push(await provider.speak({ text: part, voice, syllablesPerMinute, dir, part: index + 1, parts: parts.length, progress }));
    }
    try {
      // sox concatenates its inputs in order (they share the provider's sample rate) and encodes the result.
      // `-R` (repeatable) fixes the Ogg stream's otherwise random serial number: the same speech encodes
      // to the same bytes, so a re-render that changed nothing is not sent to the source system again.
      await run('sox', ['-R', ...files, '-C', '3', oggFile], { timeout: 300_000 });
    } catch (error) {
      if (missingTool(error)) throw error;
      throw soxFailure(error);
    }
    const { stdout } = await run('soxi', ['-D', oggFile], { timeout: 10_000 });
    const seconds = Number.parseFloat(stdout.trim());
    if (!Number.isFinite(seconds) || seconds <= 0) throw new SynthesisError('The synthesised audio is empty.');
    return { kind: 'audio', file: oggFile, mime: 'audio/ogg', seconds, parts: parts.length, cleanup };
  } catch (error) {
    await cleanup();
    if (error instanceof SynthesisError) throw error;
    if (missingTool(error)) throw new SynthesisError('espeak-ng or sox is not installed on the server (apt-get install espeak-ng sox).');
    throw new SynthesisError(`Speech synthesis failed: ${(error as Error).message.split('\n')[0]}`);
  }
};
