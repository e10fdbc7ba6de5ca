/** A Strapi "blocks" rich-text document flattened to what plain-text channels can carry. */
export type FlatBlock = { kind: 'text'; text: string } | { kind: 'image'; url: string; alt?: string };

type Node = { type?: unknown; text?: unknown; children?: unknown; image?: unknown; format?: unknown; level?: unknown };

const asNodes = (value: unknown): Node[] => (Array.isArray(value) ? (value.filter((n) => n && typeof n === 'object') as Node[]) : []);

const inlineText = (nodes: Node[]): string =>
  nodes
    .map((node) => {
      if (node.type === 'text') return typeof node.text === 'string' ? node.text : '';
      return inlineText(asNodes(node.children));
    })
    .join('');

const listLines = (list: Node, depth = 0): string[] => {
  const ordered = list.format === 'ordered';
  return asNodes(list.children).flatMap((item, index) => {
    const nested = asNodes(item.children).filter((child) => child.type === 'list');
    const inline = asNodes(item.children).filter((child) => child.type !== 'list');
    const marker = ordered ? `${index + 1}.` : '•';
    const line = `${'  '.repeat(depth)}${marker} ${inlineText(inline).trim()}`;
    return [line, ...nested.flatMap((child) => listLines(child, depth + 1))];
  });
};

/** Flattens blocks to paragraphs of text and images, in reading order; empty paragraphs are dropped. */
export const flattenBlocks = (blocks: unknown): FlatBlock[] => {
  const out: FlatBlock[] = [];
  for (const block of asNodes(blocks)) {
    if (block.type === 'image') {
      const image = (block.image ?? {}) as { url?: unknown; alternativeText?: unknown };
      if (typeof image.url === 'string' && image.url) {
        out.push({ kind: 'image', url: image.url, alt: typeof image.alternativeText === 'string' ? image.alternativeText : undefined });
      }
      continue;
    }
    const text = block.type === 'list' ? listLines(block).join('\n') : inlineText(asNodes(block.children));
    if (text.trim()) out.push({ kind: 'text', text: text.trim() });
  }
  return out;
};
