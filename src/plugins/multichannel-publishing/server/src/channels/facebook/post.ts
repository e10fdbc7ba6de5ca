import type { PublicationEvent } from '../../types';
import { entryUrl } from '../portal/payload';

/** What a Page post says: the message, and the portal entry it links to (when its URL is known). */
export type FacebookPost = { message: string; link: string | null };

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim().normalize('NFC') : undefined);

// Facebook's own limit for a post's message is far larger (63,206 characters); a summary this long is a mistake.
const MAX_SUMMARY = 5000;

/**
 * The Page post for a published entry: the title, a blank line, the summary, and a link to the entry
 * on the portal (`PORTAL_ENTRY_URL_TEMPLATE`); Facebook builds the link preview from the page itself.
 */
export const renderFacebookPost = (event: PublicationEvent, entryUrlTemplate: string | null | undefined): FacebookPost => {
  const snapshot = event.snapshot ?? {};
  const title = text(snapshot.title) ?? text(snapshot.name) ?? event.documentId;
  const summary = text(snapshot.summary);
  const message = summary ? `${title}\n\n${Array.from(summary).slice(0, MAX_SUMMARY).join('')}` : title;
  return { message, link: entryUrl(entryUrlTemplate, event) ?? null };
};
