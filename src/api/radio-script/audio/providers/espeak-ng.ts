import { execFile } from 'child_process';
import fs from 'fs/promises';
import path from 'path';
import { promisify } from 'util';
import { SynthesisError, type SpeechProvider } from '../provider';

const run = promisify(execFile);

/** espeak-ng voices by script language. Minority languages (hmn, dao, ium, tay…) have no voice yet. */
export const ESPEAK_VOICES: Readonly<Record<string, string>> = { vi: 'vi' };

/** espeak-ng speaks in words per minute; one Vietnamese word is one syllable. */
const wordsPerMinute = (syllablesPerMinute: number) => Math.max(80, Math.min(450, Math.round(syllablesPerMinute)));

/**
 * espeak-ng on this server: offline, robotic, always there. It reads any length from a file, so a
 * script is one part; `SPEECH_VOICE` (when set) replaces the Vietnamese voice (e.g. `vi-vn-x-south`).
 */
export const espeakProvider = ({ voice }: { voice?: string } = {}): SpeechProvider => {
  const voices: Record<string, string> = { ...ESPEAK_VOICES, ...(voice ? { vi: voice } : {}) };
  return {
    name: 'espeak-ng',
    maxChars: Number.POSITIVE_INFINITY,
    voiceFor: (language) => voices[language] ?? voices[language.split('-')[0]] ?? null,
    async speak({ text, voice: chosen, syllablesPerMinute, dir, part }) {
      const textFile = path.join(dir, `part-${part}.txt`);
      const wavFile = path.join(dir, `part-${part}.wav`);
      await fs.writeFile(textFile, text, 'utf8');
      try {
        await run('espeak-ng', ['-v', chosen, '-s', String(wordsPerMinute(syllablesPerMinute)), '-f', textFile, '-w', wavFile], {
          timeout: 120_000,
        });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          throw new SynthesisError('espeak-ng or sox is not installed on the server (apt-get install espeak-ng sox).');
        }
        throw new SynthesisError(`Speech synthesis failed: ${(error as Error).message.split('\n')[0]}`);
      }
      return wavFile;
    },
  };
};
