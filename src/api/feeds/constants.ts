import { CONSULTATION_DRAFT_UID, POLICY_UID } from '../../common/uids';

/** How many entries a feed carries, newest first. */
export const FEED_SIZE = 50;

export const FEED_FORMATS = ['atom', 'json'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

export const CONTENT_TYPES: Record<FeedFormat, string> = {
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

/** The feeds, by the name in their URL (`/api/feeds/<name>.<format>`). */
export const FEEDS = {
  policies: {
    uid: POLICY_UID,
    titles: { vi: 'Chính sách', en: 'Policies' },
  },
  'consultation-drafts': {
    uid: CONSULTATION_DRAFT_UID,
    titles: { vi: 'Dự thảo đang lấy ý kiến', en: 'Drafts open for consultation' },
  },
} as const;

export type FeedName = keyof typeof FEEDS;
