/** Page size of `GET /api/changes` when `limit` is omitted, and the most one page may hold. */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 500;

/** Version of the cursor payload: a later format gets a new number, and old cursors stay readable or are refused by name. */
export const CURSOR_VERSION = 1;
/** Longer than any cursor this feed hands out; longer input is refused before it is decoded. */
export const MAX_CURSOR_LENGTH = 64;
