/** How long a radio text takes to read: the app's duration rule and the radio admin's live estimate share it. */
export const DEFAULT_SYLLABLES_PER_MINUTE = 160;

/** Vietnamese is written one syllable per space-separated word: count the words that have a letter or digit. */
export const countSyllables = (text: string): number =>
  text
    .normalize('NFC')
    .split(/[\s\-–—]+/u)
    .filter((token) => /[\p{L}\p{N}]/u.test(token)).length;

/** Seconds an announcer needs at `syllablesPerMinute` (rounded up: airtime is booked in whole seconds). */
export const estimateSeconds = (text: string, syllablesPerMinute: number = DEFAULT_SYLLABLES_PER_MINUTE): number => {
  const rate = syllablesPerMinute > 0 ? syllablesPerMinute : DEFAULT_SYLLABLES_PER_MINUTE;
  return Math.ceil((countSyllables(text) / rate) * 60);
};
