import { flattenBlocks } from '../../utils/blocks';
import { absoluteUrl } from '../../utils/http';
import { truncateAtWord } from '../../utils/truncate';
import type { PublicationEvent } from '../../types';
import { ChannelError } from '../types';

/** Zalo's limits for an OA article (characters). */
export const ZALO_LIMITS = { title: 150, author: 50, description: 300 } as const;

export type ZaloBodyItem = { type: 'text'; content: string } | { type: 'image'; url: string };

export type ZaloArticle = {
  type: 'normal';
  title: string;
  author: string;
  description: string;
  cover: { cover_type: 'photo'; photo_url: string; status: 'show' };
  body: ZaloBodyItem[];
  status: 'show';
  comment: 'show';
};

type Media = { url?: unknown; mime?: unknown };

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

const formatDate = (value: unknown): string | undefined => {
  const raw = text(value);
  const match = raw?.match(/^(\d{4})-(\d{2})-(\d{2})/);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : undefined;
};

const images = (value: unknown): Media[] =>
  (Array.isArray(value) ? value : value ? [value] : []).filter(
    (item): item is Media => Boolean(item) && typeof item === 'object' && typeof (item as Media).mime === 'string' && String((item as Media).mime).startsWith('image/'),
  );

/**
 * The OA article for a published entry. Texts over Zalo's limits are cut at a word boundary with an
 * ellipsis, never rejected. The cover is the entry's first image, else the configured default;
 * without any, the article cannot exist (Zalo requires a cover), which is a permanent failure.
 */
export const renderZaloArticle = (
  event: PublicationEvent,
  { author, coverUrl, publicUrl }: { author: string; coverUrl?: string | null; publicUrl: string | null },
): ZaloArticle => {
  const entry = event.snapshot ?? {};
  const title = text(entry.title) ?? text(entry.name) ?? event.documentId;
  const summary = text(entry.summary);
  const leadAgency = entry.leadAgency && typeof entry.leadAgency === 'object' ? (entry.leadAgency as Record<string, unknown>) : null;

  const blocks = flattenBlocks(entry.body);
  const attachmentImages = [...images(entry.attachments), ...images(entry.cover), ...images(entry.image)];
  const blockImages = blocks.filter((block) => block.kind === 'image').map((block) => block.url);
  const cover =
    [...attachmentImages.map((media) => (typeof media.url === 'string' ? media.url : null)), ...blockImages]
      .map((url) => absoluteUrl(url, publicUrl))
      .find((url): url is string => Boolean(url)) ?? absoluteUrl(coverUrl, publicUrl);
  if (!cover) {
    throw new ChannelError('Zalo needs a cover photo: attach an image to the entry or set ZALO_COVER_URL', { retryable: false });
  }

  const facts = [
    text(entry.documentNumber) && `Số hiệu: ${text(entry.documentNumber)}`,
    formatDate(entry.issuedAt) && `Ban hành ngày ${formatDate(entry.issuedAt)}`,
    formatDate(entry.effectiveFrom) && `Hiệu lực từ ngày ${formatDate(entry.effectiveFrom)}`,
    leadAgency && text(leadAgency.name) && `Cơ quan chủ trì: ${text(leadAgency.name)}`,
  ].filter((fact): fact is string => Boolean(fact));

  const body: ZaloBodyItem[] = [];
  if (summary) body.push({ type: 'text', content: summary });
  if (facts.length > 0) body.push({ type: 'text', content: facts.join('\n') });
  for (const block of blocks) {
    if (block.kind === 'text') body.push({ type: 'text', content: block.text });
    else {
      const url = absoluteUrl(block.url, publicUrl);
      if (url) body.push({ type: 'image', url });
    }
  }
  if (body.length === 0) body.push({ type: 'text', content: title });

  return {
    type: 'normal',
    title: truncateAtWord(title, ZALO_LIMITS.title),
    author: truncateAtWord((leadAgency && text(leadAgency.name)) ?? author, ZALO_LIMITS.author),
    description: truncateAtWord(summary ?? title, ZALO_LIMITS.description),
    cover: { cover_type: 'photo', photo_url: cover, status: 'show' },
    body,
    status: 'show',
    comment: 'show',
  };
};
