/**
 * Cutting a radio script into requests a text-to-speech service accepts: each part at most `maxChars`
 * long, cut at sentence ends so every part is read with its natural falling tone and pause. Pure text
 * work; the audio parts are joined again with sox (audio/synthesise.ts).
 */

/** A sentence and what followed it in the script: a paragraph break or a space. */
type Sentence = { text: string; paragraphEnd: boolean };

// A sentence ends at . ! ? … (with any closing quote or bracket) followed by white space. "1.250.000",
// "07/CT-TTg" or "v.v." inside a word have no space after the dot and are not cut.
const SENTENCE_END = /(?<=[.!?…]["'”’)\]»]*)\s+/u;
// Inside an over-long sentence, the next best places to breathe.
const CLAUSE_END = /[,;:–—]\s/gu;

/** The script's sentences, in order, NFC-normalised (one code unit per Vietnamese letter). */
export const splitSentences = (text: string): Sentence[] => {
  const sentences: Sentence[] = [];
  const paragraphs = text.normalize('NFC').replace(/\r\n?/g, '\n').split(/\n\s*/);
  for (const paragraph of paragraphs) {
    const parts = paragraph.split(SENTENCE_END).map((part) => part.trim()).filter(Boolean);
    parts.forEach((part, index) => sentences.push({ text: part, paragraphEnd: index === parts.length - 1 }));
  }
  return sentences;
};

/** Cuts one sentence longer than `maxChars` at its last clause end, else its last space, else hard. */
const splitLongSentence = (sentence: string, maxChars: number): string[] => {
  const pieces: string[] = [];
  let rest = sentence;
  while (rest.length > maxChars) {
    const window = rest.slice(0, maxChars + 1);
    let cut = -1;
    for (const match of window.matchAll(CLAUSE_END)) {
      if (match.index !== undefined && match.index + 1 <= maxChars) cut = match.index + 1;
    }
    if (cut <= 0) cut = window.lastIndexOf(' ');
    if (cut <= 0) cut = maxChars;
    pieces.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) pieces.push(rest);
  return pieces;
};

/**
 * Packs the script's sentences, in order, into as few parts as fit `maxChars` each. A paragraph break
 * is kept as a line break (the services pause there); a sentence longer than the limit alone is cut
 * at a comma or a space. Every character of the script is in exactly one part.
 */
export const splitForSpeech = (text: string, maxChars: number): string[] => {
  if (!Number.isFinite(maxChars)) {
    const whole = text.normalize('NFC').trim();
    return whole ? [whole] : [];
  }
  if (maxChars < 1) throw new RangeError('maxChars must be at least 1');
  const parts: string[] = [];
  let current = '';
  let separator = '';
  for (const sentence of splitSentences(text)) {
    const pieces = sentence.text.length > maxChars ? splitLongSentence(sentence.text, maxChars) : [sentence.text];
    pieces.forEach((piece, index) => {
      const joined = current ? `${current}${separator}${piece}` : piece;
      if (joined.length <= maxChars) {
        current = joined;
      } else {
        parts.push(current);
        current = piece;
      }
      separator = sentence.paragraphEnd && index === pieces.length - 1 ? '\n' : ' ';
    });
  }
  if (current) parts.push(current);
  return parts;
};
