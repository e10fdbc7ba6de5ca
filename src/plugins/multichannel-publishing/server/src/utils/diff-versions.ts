import type { EventType } from '../constants';
import type { PublishedVersion } from '../types';

export type VersionChange = { type: EventType; entryId: number; locale: string | null };

const localeKey = (locale: string | null) => locale ?? '';

/**
 * What a write did to a document's published versions, per locale: a published row that appeared
 * is `published`, one replaced by a new row (Strapi re-publishes by creating a new row) is
 * `updated`, one that disappeared (unpublish, delete) is `unpublished`.
 */
export const diffVersions = (before: PublishedVersion[], after: PublishedVersion[]): VersionChange[] => {
  const previous = new Map(before.map((version) => [localeKey(version.locale), version]));
  const next = new Map(after.map((version) => [localeKey(version.locale), version]));
  const locales = [...new Set([...previous.keys(), ...next.keys()])].sort();
  const changes: VersionChange[] = [];
  for (const key of locales) {
    const was = previous.get(key);
    const now = next.get(key);
    if (!was && now) changes.push({ type: 'published', entryId: now.id, locale: now.locale });
    else if (was && !now) changes.push({ type: 'unpublished', entryId: was.id, locale: was.locale });
    else if (was && now && was.id !== now.id) changes.push({ type: 'updated', entryId: now.id, locale: now.locale });
  }
  return changes;
};
