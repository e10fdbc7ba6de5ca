import { execFile } from 'child_process';
import fs from 'fs/promises';
import os from 'os';
import path from 'path';
import { promisify } from 'util';

const run = promisify(execFile);

/** espeak-ng voices by script language. Minority languages (hmn, dao, ium, tay…) have no voice yet. */
export const DEFAULT_VOICES: Readonly<Record<string, string>> = { vi: 'vi' };

export type SynthesisResult =
  | { kind: 'audio'; file: string; mime: 'audio/ogg'; seconds: number; cleanup: () => Promise<void> }
  | { kind: 'no-voice'; message: string };

export class SynthesisError extends Error {}

/** espeak-ng speaks in words per minute; one Vietnamese word is one syllable. */
const wordsPerMinute = (syllablesPerMinute: number) => Math.max(80, Math.min(450, Math.round(syllablesPerMinute)));

const missingTool = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * Speaks `text` with espeak-ng into an Ogg Vorbis file (through sox) in a temp folder. A language
 * without a voice yields `no-voice` (a status, not an error); a missing tool or a failed run throws
 * `SynthesisError` with a message an editor can act on.
 */
export const synthesise = async (
  text: string,
  { language, syllablesPerMinute, voices = DEFAULT_VOICES }: { language: string; syllablesPerMinute: number; voices?: Record<string, string> },
): Promise<SynthesisResult> => {
  const voice = voices[language] ?? voices[language.split('-')[0]];
  if (!voice) {
    return { kind: 'no-voice', message: `No synthetic voice for language "${language}": record the bulletin by hand.` };
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'radio-audio-'));
  const cleanup = () => fs.rm(dir, { recursive: true, force: true });
  const textFile = path.join(dir, 'script.txt');
  const wavFile = path.join(dir, 'script.wav');
  const oggFile = path.join(dir, 'script.ogg');
  try {
    await fs.writeFile(textFile, text, 'utf8');
    await run('espeak-ng', ['-v', voice, '-s', String(wordsPerMinute(syllablesPerMinute)), '-f', textFile, '-w', wavFile], {
      timeout: 120_000,
    });
    await run('sox', [wavFile, '-C', '3', oggFile], { timeout: 120_000 });
    const { stdout } = await run('soxi', ['-D', oggFile], { timeout: 10_000 });
    const seconds = Number.parseFloat(stdout.trim());
    if (!Number.isFinite(seconds) || seconds <= 0) throw new SynthesisError('The synthesised audio is empty.');
    return { kind: 'audio', file: oggFile, mime: 'audio/ogg', seconds, cleanup };
  } catch (error) {
    await cleanup();
    if (error instanceof SynthesisError) throw error;
    if (missingTool(error)) throw new SynthesisError('espeak-ng or sox is not installed on the server (apt-get install espeak-ng sox).');
    throw new SynthesisError(`Speech synthesis failed: ${(error as Error).message.split('\n')[0]}`);
  }
};
