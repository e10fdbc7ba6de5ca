/** What a portal entry URL template may name: `{slug}`, `{documentId}`, `{locale}`, `{contentType}` (singular name). */
export type EntryUrlValues = Record<string, string | null | undefined>;

/**
 * The portal's URL of an entry from a template such as `https://portal/chinh-sach/{slug}`
 * (`PORTAL_ENTRY_URL_TEMPLATE`): each `{name}` is replaced by its URL-encoded value. `undefined`
 * when there is no template or a named value is missing, so callers never link to a broken URL.
 * Shared by the portal channel (webhook payloads) and the app's feeds.
 */
export const expandEntryUrlTemplate = (template: string | null | undefined, values: EntryUrlValues): string | undefined => {
  if (!template) return undefined;
  let missing = false;
  const url = template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = values[name];
    if (!value) missing = true;
    return value ? encodeURIComponent(value) : '';
  });
  return missing ? undefined : url;
};
