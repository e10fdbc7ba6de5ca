type BlockNode = { type?: string; text?: string; url?: string; children?: BlockNode[]; format?: string; level?: number };

const inlineText = (nodes: BlockNode[] = []): string =>
  nodes.map((node) => (node.type === 'text' ? (node.text ?? '') : inlineText(node.children))).join('');

const endSentence = (text: string) => {
  const trimmed = text.trim();
  if (!trimmed) return '';
  return /[.!?:;…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
};

/** Flattens Strapi blocks (the rich-text JSON of `body`) into paragraphs of plain sentences. */
export const blocksToText = (blocks: unknown): string => {
  if (!Array.isArray(blocks)) return '';
  const paragraphs: string[] = [];
  for (const block of blocks as BlockNode[]) {
    if (block.type === 'list') {
      for (const item of block.children ?? []) paragraphs.push(endSentence(inlineText(item.children)));
    } else if (block.type === 'image' || block.type === 'code') {
      continue;
    } else {
      paragraphs.push(endSentence(inlineText(block.children)));
    }
  }
  return paragraphs.filter(Boolean).join('\n\n');
};

const LIST_ITEM = /^(?:[-*+•]|\d+[.)])\s+/;

/**
 * Flattens Markdown (and what editors paste) into text that can be read aloud: headings, emphasis,
 * bullets, block quotes and code marks removed, links reduced to their text, tables turned into
 * one sentence per row.
 */
export const markdownToText = (markdown: string): string => {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  for (const raw of lines) {
    let line = raw.trim();
    if (/^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$/.test(line)) continue;
    if (line.startsWith('|') || (line.includes('|') && line.split('|').length > 2)) {
      const cells = line.split('|').map((cell) => cell.trim()).filter(Boolean);
      out.push(endSentence(cells.join(', ')));
      continue;
    }
    line = line
      .replace(/^#{1,6}\s+/, '')
      .replace(/^>\s?/, '')
      .replace(LIST_ITEM, '')
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]+)\]\(([^)]*)\)/g, '$1')
      .replace(/(\*\*|__)(.+?)\1/g, '$2')
      .replace(/(\*|_)(.+?)\1/g, '$2')
      .replace(/`{1,3}([^`]*)`{1,3}/g, '$1')
      .replace(/<[^>]+>/g, '');
    out.push(LIST_ITEM.test(raw.trim()) ? endSentence(line) : line);
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim();
};
