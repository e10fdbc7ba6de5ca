import type { Core } from '@strapi/strapi';

/**
 * Public feeds (`/api/feeds/…`, src/api/feeds): entries link to the portal through the portal
 * channel's `PORTAL_ENTRY_URL_TEMPLATE` (multichannel-publishing config); without it, to this
 * CMS's public API, at `PUBLIC_URL` (else the server's own URL).
 */
const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  publicUrl: env('PUBLIC_URL', ''),
  // Who publishes the feeds (Atom requires an author).
  author: env('FEEDS_AUTHOR', 'UBND tỉnh'),
});

export default config;
