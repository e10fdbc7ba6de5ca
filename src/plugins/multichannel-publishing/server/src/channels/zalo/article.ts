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

const nfc = (value: string): string => value.normalize('NFC');

/**
 * Checks the article's texts against Zalo's limits, counted in Unicode code points on NFC text (a
 * Vietnamese letter with its tone mark counts once, whatever the editor's keyboard produced). An
 * oversize field is a permanent failure naming the field: Zalo would refuse it (-201) every time.
 */
export const checkZaloArticleFields = (article: Pick<ZaloArticle, 'title' | 'author' | 'description'>): void => {
  for (const field of ['title', 'author', 'description'] as const) {
    const length = Array.from(nfc(article[field])).length;
    if (length > ZALO_LIMITS[field]) {
      throw new ChannelError(
        `the Zalo article's ${field} is ${length} characters and Zalo allows at most ${ZALO_LIMITS[field]}` +
          (field === 'title' ? ': shorten the title and publish again' : field === 'author' ? ': shorten ZALO_ARTICLE_AUTHOR' : ''),
        { retryable: false },
      );
    }
  }
};

/**
 * The OA article for a published entry, its texts in NFC. The title is the editor's own words and is
 * never cut (a cut title can change what a policy is called): over Zalo's limit it is a permanent
 * failure the editor sees. The description (from the summary, which the body carries whole) and an
 * author taken from the lead agency's name are cut at a word boundary with an ellipsis. The cover is
 * the entry's first image, else ZALO_COVER_URL, else the default cover of the media library; without
 * any (the default cover is being created) the attempt is retried.
 */
export const renderZaloArticle = (
  event: PublicationEvent,
  {
    author,
    coverUrl,
    defaultCoverUrl = null,
    publicUrl,
  }: { author: string; coverUrl?: string | null; defaultCoverUrl?: string | null; publicUrl: string | null },
): ZaloArticle => {
  const entry = event.snapshot ?? {};
  const title = nfc(text(entry.title) ?? text(entry.name) ?? event.documentId);
  const summary = text(entry.summary);
  const leadAgency = entry.leadAgency && typeof entry.leadAgency === 'object' ? (entry.leadAgency as Record<string, unknown>) : null;

  const blocks = flattenBlocks(entry.body);
  const attachmentImages = [...images(entry.attachments), ...images(entry.cover), ...images(entry.image)];
  const blockImages = blocks.filter((block) => block.kind === 'image').map((block) => block.url);
  const cover =
    [...attachmentImages.map((media) => (typeof media.url === 'string' ? media.url : null)), ...blockImages]
      .map((url) => absoluteUrl(url, publicUrl))
      .find((url): url is string => Boolean(url)) ??
    absoluteUrl(coverUrl, publicUrl) ??
    absoluteUrl(defaultCoverUrl, publicUrl);
  if (!cover) {
    throw new ChannelError('Zalo needs a cover photo and the default cover is not available yet: set PUBLIC_URL, or ZALO_COVER_URL, or attach an image to the entry', {
      retryable: true,
    });
  }

  const facts = [
    text(entry.documentNumber) && `Số hiệu: ${text(entry.documentNumber)}`,
    formatDate(entry.issuedAt) && `Ban hành ngày ${formatDate(entry.issuedAt)}`,
    formatDate(entry.effectiveFrom) && `Hiệu lực từ ngày ${formatDate(entry.effectiveFrom)}`,
    leadAgency && text(leadAgency.name) && `Cơ quan chủ trì: ${text(leadAgency.name)}`,
  ].filter((fact): fact is string => Boolean(fact));

  const body: ZaloBodyItem[] = [];
  if (summary) body.push({ type: 'text', content: nfc(summary) });
  if (facts.length > 0) body.push({ type: 'text', content: nfc(facts.join('\n')) });
  for (const block of blocks) {
    if (block.kind === 'text') body.push({ type: 'text', content: nfc(block.text) });
    else {
      const url = absoluteUrl(block.url, publicUrl);
      if (url) body.push({ type: 'image', url });
    }
  }
  if (body.length === 0) body.push({ type: 'text', content: title });

  const agencyName = leadAgency ? text(leadAgency.name) : undefined;
  const article: ZaloArticle = {
    type: 'normal',
    title,
    author: agencyName ? truncateAtWord(agencyName, ZALO_LIMITS.author) : nfc(author.trim()),
    description: truncateAtWord(summary ?? title, ZALO_LIMITS.description),
    cover: { cover_type: 'photo', photo_url: cover, status: 'show' },
    body,
    status: 'show',
    comment: 'show',
  };
  checkZaloArticleFields(article);
  return article;
};
