export const ELLIPSIS = '…';

const WHITESPACE = /\s/u;
// Punctuation that reads badly right before an ellipsis.
const TRAILING_PUNCTUATION = /[\s,;:.\-–—(/]+$/u;

/**
 * Cuts `text` to at most `max` characters (Unicode code points, after NFC normalisation so that a
 * Vietnamese letter with its tone mark counts once) at a word boundary, ending with an ellipsis.
 * A text that fits is returned unchanged (only trimmed); a single word longer than the limit is cut
 * inside the word, because a channel limit is never a reason to reject a publication.
 */
export const truncateAtWord = (text: string, max: number, ellipsis: string = ELLIPSIS): string => {
  const normalized = text.normalize('NFC').trim();
  const chars = Array.from(normalized);
  if (chars.length <= max) return normalized;
  const ellipsisLength = Array.from(ellipsis).length;
  if (max <= ellipsisLength) return Array.from(ellipsis).slice(0, max).join('');
  const budget = max - ellipsisLength;
  // A boundary exactly after the budget is fine too: the word ending at `budget` is whole.
  let cut = -1;
  for (let index = budget; index > 0; index -= 1) {
    if (WHITESPACE.test(chars[index] ?? ' ')) {
      cut = index;
      break;
    }
  }
  const head = (cut > 0 ? chars.slice(0, cut) : chars.slice(0, budget)).join('');
  const tidy = head.replace(TRAILING_PUNCTUATION, '');
  return `${tidy.length > 0 ? tidy : head.trimEnd()}${ellipsis}`;
};
